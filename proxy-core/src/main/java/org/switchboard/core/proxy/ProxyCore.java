package org.switchboard.core.proxy;

import java.util.function.Supplier;
import org.switchboard.core.cdr.CallRecorder;
import org.switchboard.core.proxy.routing.Router;
import org.switchboard.core.transaction.TransactionLayer;
import org.switchboard.core.transport.SipSender;

/**
 * The collaborators every {@link ProxyContext} and {@link Branch} share. Immutable; the parts are
 * thread-safe.
 *
 * @param transactions the transaction layer (created after the chain, hence a supplier)
 * @param sender for responses forwarded outside a transaction (late 2xx, RFC 6026)
 * @param ownHost which next hops on this host a branch may use
 */
record ProxyCore(Supplier<TransactionLayer> transactions, NextHops nextHops, UnavailableHosts unavailable,
        RequestForwarder forwarder, LoopDetection loops, ProxySettings settings, Router router, CallRecorder calls,
        SipSender sender, OwnHostHops ownHost) {
}
