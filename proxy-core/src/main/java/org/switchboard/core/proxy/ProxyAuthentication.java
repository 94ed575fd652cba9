package org.switchboard.core.proxy;

import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.auth.AuthResult;
import org.switchboard.core.auth.AuthRole;
import org.switchboard.core.auth.Authenticator;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.spi.chain.ProcessorResult;
import org.switchboard.core.spi.chain.RequestContext;
import org.switchboard.core.spi.chain.RequestProcessor;

/**
 * The proxy's authentication policy (RFC 3261 §16.3 step 6, §22.3): an initial request whose From
 * is in one of our domains must carry valid credentials of that very user, else it is challenged
 * with 407. Requests from trusted sources (gateways, peer servers), requests from other domains,
 * in-dialog requests, ACK and CANCEL pass. An {@link Authenticator} that answers from memory runs
 * right here on the call's shard; a blocking one runs on the blocking executor as an asynchronous
 * step ({@link ProcessorResult#async}), and the chain resumes on the call's shard. Our credentials
 * are removed before the request is forwarded.
 */
final class ProxyAuthentication implements RequestProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyAuthentication.class);
    private static final int RETRY_AFTER_SECONDS = 5;

    private final Authenticator authenticator;
    private final SenderTrust trust;
    private final Executor blocking;

    ProxyAuthentication(Authenticator authenticator, SenderTrust trust, Executor blocking) {
        this.authenticator = authenticator;
        this.trust = trust;
        this.blocking = blocking;
    }

    @Override
    public ProcessorResult process(RequestContext context) {
        SipRequest request = context.request();
        if (!trust.needsAuthentication(request, context.flow().remote().getAddress())) {
            return ProcessorResult.CONTINUE;
        }
        InetAddress source = context.flow().remote().getAddress();
        if (!authenticator.blocks()) {
            return decide(context, authenticate(request, source));
        }
        try {
            return ProcessorResult.async(CompletableFuture.supplyAsync(() -> authenticate(request, source), blocking),
                    result -> decide(context, result));
        } catch (RejectedExecutionException e) {
            LOG.warn("Blocking executor saturated; answering 503 to {} from {}", request.method(), source);
            return ProcessorResult.stop(context.responseBuilder(503, "Service Unavailable")
                    .add(HeaderName.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS)).build());
        }
    }

    private AuthResult authenticate(SipRequest request, InetAddress source) {
        try {
            return authenticator.authenticate(request, source, AuthRole.PROXY);
        } catch (RuntimeException e) {
            LOG.error("Authentication of {} from {} failed", request.method(), source, e);
            return new AuthResult.Rejected(500, "Server Internal Error");
        }
    }

    /** Answers the request unless it is authenticated; then strips our credentials and lets it pass. */
    private ProcessorResult decide(RequestContext context, AuthResult result) {
        SipRequest request = context.request();
        // Java 17 has no pattern switch; the sealed AuthResult has exactly these four kinds
        if (result instanceof AuthResult.Authenticated user) {
            if (!user.owns(request.from().sipUri())) {
                LOG.info("{} authenticated as {} but sent From {}; refused", context.flow().remote(), user.aor(),
                        request.from().uri());
                context.respond(403, "Forbidden");
                return ProcessorResult.STOP;
            }
            context.authenticated(AddressOfRecord.of(user.aor()));
            context.updateRequest(request.toBuilder().remove(HeaderName.PROXY_AUTHORIZATION).build());
            return ProcessorResult.CONTINUE;
        } else if (result instanceof AuthResult.Challenge challenge) {
            var response = context.responseBuilder(challenge.role().statusCode(), challenge.role().reasonPhrase());
            for (String value : challenge.headerValues()) {
                response.add(challenge.role().challengeHeader(), value);
            }
            context.respond(response.build());
        } else if (result instanceof AuthResult.Rejected rejected) {
            context.respond(rejected.statusCode(), rejected.reason());
        } else {
            context.respond(403, "Forbidden"); // Banned
        }
        return ProcessorResult.STOP;
    }
}
