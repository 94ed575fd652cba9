package org.switchboard.core.dns;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.transport.Destination;

/**
 * Resolves the next hop of a request without blocking the caller: an address literal at once, a
 * host name by {@link SipServerLocator} on the DNS executor.
 *
 * <p>Threading: {@link #resolve} may be called on an event loop; the future completes on the DNS
 * executor (or at once for a literal), so callers post the result back to their shard.
 */
public final class NextHopResolver {
    private final SipServerLocator locator;
    private final Executor dnsExecutor;

    public NextHopResolver(SipServerLocator locator, Executor dnsExecutor) {
        this.locator = locator;
        this.dnsExecutor = dnsExecutor;
    }

    /** The destinations to try, in order; completes exceptionally if DNS failed. */
    public CompletableFuture<List<Destination>> resolve(SipUri uri) {
        if (IpLiterals.parse(uri.hostAddress()) != null) {
            try {
                return CompletableFuture.completedFuture(locator.locate(uri)); // no DNS for a literal
            } catch (IOException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        CompletableFuture<List<Destination>> result = new CompletableFuture<>();
        try {
            dnsExecutor.execute(() -> {
                try {
                    result.complete(locator.locate(uri));
                } catch (IOException | RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IOException("DNS executor saturated", e));
        }
        return result;
    }
}
