package org.switchboard.core.proxy;

import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.spi.chain.RequestContext;

/**
 * The response context of one forwarded request (RFC 3261 §16.7 step 6): collects the final
 * non-2xx responses of its branches, and the outcomes the proxy stands in for (timeouts, transport
 * errors), and picks the one the caller gets.
 *
 * <ul>
 *   <li>a 6xx wins over everything;
 *   <li>else the lowest class of 3xx, 4xx and 5xx; within the class 401/407 first (the caller can
 *       act on them), then 415, 420 and 484, then any other, and last the outcomes that say least:
 *       408, 480, 487; earlier responses before later ones of the same rank;
 *   <li>no response at all gives 408 Request Timeout;
 *   <li>a chosen 503 becomes 500 (§16.7 step 6: the caller must not think this proxy overloaded);
 *   <li>a chosen 401 or 407 carries the challenges of every 401 and 407 received (§16.7 step 7).
 * </ul>
 *
 * <p>Threading: used on the call's shard only.
 */
final class ResponseSelector {
    private final List<Candidate> candidates = new ArrayList<>();

    /** A response or an outcome the proxy stands in for ({@code response} null). */
    private record Candidate(int statusCode, String reasonPhrase, SipResponse response) {
    }

    /** A final non-2xx response from a branch, with our Via already removed. */
    void add(SipResponse response) {
        candidates.add(new Candidate(response.statusCode(), response.reasonPhrase(), response));
    }

    /** An outcome without a response: 408 for a timeout, 503 for a transport error (§16.9). */
    void addOutcome(int statusCode, String reasonPhrase) {
        candidates.add(new Candidate(statusCode, reasonPhrase, null));
    }

    boolean isEmpty() {
        return candidates.isEmpty();
    }

    /** The response for the caller; {@code context} builds the ones the proxy makes itself. */
    SipResponse best(RequestContext context) {
        Candidate best = null;
        for (Candidate c : candidates) {
            if (best == null || rank(c.statusCode()) < rank(best.statusCode())) {
                best = c;
            }
        }
        if (best == null) {
            return context.responseBuilder(408, "Request Timeout").build();
        }
        if (best.statusCode() == 503) {
            return context.responseBuilder(500, "Server Internal Error").build();
        }
        SipResponse.Builder chosen = best.response() != null ? best.response().toBuilder()
                : context.responseBuilder(best.statusCode(), best.reasonPhrase());
        if (best.statusCode() == 401 || best.statusCode() == 407) {
            mergeChallenges(best, chosen);
        }
        return chosen.build();
    }

    private void mergeChallenges(Candidate chosen, SipResponse.Builder builder) {
        for (Candidate c : candidates) {
            if (c == chosen || c.response() == null || (c.statusCode() != 401 && c.statusCode() != 407)) {
                continue;
            }
            for (HeaderName name : new HeaderName[] {HeaderName.WWW_AUTHENTICATE, HeaderName.PROXY_AUTHENTICATE}) {
                for (var field : c.response().headers().all(name)) {
                    builder.add(name, field.value());
                }
            }
        }
    }

    /** Smaller is better. */
    static int rank(int statusCode) {
        if (statusCode >= 600) {
            return 0;
        }
        int classRank = (statusCode / 100) * 10;
        int within = switch (statusCode) {
            case 401, 407 -> 1;
            case 415, 420, 484 -> 2;
            case 408, 480, 487 -> 4;
            default -> 3;
        };
        return classRank + within;
    }
}
