package org.switchboard.core.proxy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.spi.chain.RequestContext;
import org.switchboard.core.transaction.ServerTransaction;

/**
 * The INVITE server transactions still without a final response, and their {@link ProxyContext}s,
 * so that a CANCEL finds what to cancel (RFC 3261 §16.10), also while the INVITE is still parked
 * (authentication, DNS). An entry lives from the INVITE until its first final response is sent, or
 * until its transaction ends without one: once answered, an INVITE has nothing left to cancel
 * (§9.2), and the entry would only keep the request.
 *
 * <p>Threading: thread-safe; an entry is only touched on its transaction's shard.
 */
final class ProxyContexts {
    private final Map<ServerTransaction, Entry> entries = new ConcurrentHashMap<>();

    private static final class Entry {
        final RequestContext request;
        ProxyContext proxy;

        Entry(RequestContext request) {
            this.request = request;
        }
    }

    /** A new INVITE arrived. */
    void register(RequestContext request) {
        entries.put(request.transaction(), new Entry(request));
    }

    /**
     * The request of {@code transaction} is now being forwarded by {@code proxy}.
     *
     * @return {@code false} if it is an INVITE answered meanwhile (the caller cancelled it), and the
     *     context must not start
     */
    boolean attach(ServerTransaction transaction, ProxyContext proxy) {
        if (transaction == null || !SipMethod.INVITE.equals(transaction.method())) {
            return true; // nothing can cancel it
        }
        Entry entry = entries.get(transaction);
        if (entry == null) {
            return false;
        }
        entry.proxy = proxy;
        return true;
    }

    /**
     * The caller cancelled the INVITE of {@code transaction}: its proxy context cancels the branches;
     * an INVITE not yet forwarded is answered 487 at once. INVITEs already answered, and unknown
     * transactions, are left alone.
     */
    void cancel(ServerTransaction transaction) {
        Entry entry = entries.get(transaction);
        if (entry == null) {
            return;
        }
        if (entry.proxy != null) {
            entry.proxy.cancelByCaller();
        } else {
            entry.request.respond(487, "Request Terminated"); // the final response removes the entry
        }
    }

    void remove(ServerTransaction transaction) {
        entries.remove(transaction);
    }

    int size() {
        return entries.size();
    }
}
