package org.switchboard.core.proxy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.transaction.BranchGenerator;

/**
 * The two-part branch of RFC 3261 §16.6 step 8: a unique part from {@link BranchGenerator}, then
 * {@code .} and a hash of the fields that decide how the request is routed. A request that comes
 * back with one of our branches carrying its own hash is a loop; with another hash it is a spiral
 * (§16.3 step 4, RFC 5393 §4.2).
 *
 * <p>The hash covers the Request-URI as received, the From and To tags, Call-ID, the CSeq number,
 * and the Route, Proxy-Require and Proxy-Authorization values. The top Via is left out: on each
 * pass it is the previous hop's, so including it would hide every loop that passes another proxy.
 *
 * <p>Stateless and thread-safe.
 */
final class LoopDetection {
    private static final char SEPARATOR = '.';
    private static final int HASH_HEX_LENGTH = 16;

    private final BranchGenerator branches = new BranchGenerator();

    /** The loop-detection hash of a request as received. */
    static String hash(SipRequest request) {
        StringBuilder b = new StringBuilder(256)
                .append(request.requestUri()).append('\n')
                .append(request.from().tag()).append('\n')
                .append(request.to().tag()).append('\n')
                .append(request.callId()).append('\n')
                .append(request.cseq().number()).append('\n');
        for (HeaderName name : new HeaderName[] {HeaderName.ROUTE, HeaderName.PROXY_REQUIRE,
                HeaderName.PROXY_AUTHORIZATION}) {
            for (String value : request.headers().values(name)) {
                b.append(name.canonical()).append(':').append(value).append('\n');
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, HASH_HEX_LENGTH / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** A new branch for a request whose loop-detection hash is {@code hash}. */
    String newBranch(String hash) {
        return branches.newBranch() + SEPARATOR + hash;
    }

    /** The hash part of a branch we made, or {@code null} if the branch is not in our form. */
    static String hashOf(String branch) {
        if (branch == null) {
            return null;
        }
        int dot = branch.lastIndexOf(SEPARATOR);
        return dot > 0 && branch.length() - dot - 1 == HASH_HEX_LENGTH ? branch.substring(dot + 1) : null;
    }
}
