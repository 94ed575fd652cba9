package org.switchboard.core.proxy;

import java.time.Clock;
import java.util.function.Supplier;
import org.switchboard.core.spi.chain.ResponseProcessor;
import org.switchboard.core.spi.event.EventBus;
import org.switchboard.core.spi.route.Router;
import org.switchboard.core.transaction.TransactionLayer;
import org.switchboard.core.transport.SipSender;

/**
 * The collaborators every {@link ProxyContext} and {@link Branch} share. Immutable; the parts are
 * thread-safe.
 *
 * @param transactions the transaction layer (created after the chain, hence a supplier)
 * @param times the timers and redirect policy in effect now: read for each request and branch, one
 *     volatile read of the live settings, so that a change applies to the next call
 * @param sender for responses forwarded outside a transaction (late 2xx, RFC 6026)
 * @param ownHost which next hops on this host a branch may use
 * @param events where call events are published
 * @param clock the time of day for events
 * @param relay the relay point and the target stage
 * @param responses the response stage
 */
record ProxyCore(Supplier<TransactionLayer> transactions, NextHops nextHops, UnavailableHosts unavailable,
        RequestForwarder forwarder, LoopDetection loops, Supplier<ProxyTimes> times, Router router, SipSender sender,
        OwnHostHops ownHost, EventBus events, Clock clock, RelayPoint relay, ResponseProcessor[] responses) {
}
