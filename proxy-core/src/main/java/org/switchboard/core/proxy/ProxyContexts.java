package org.switchboard.core.proxy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.core.transaction.ServerTransaction;

/**
 * The INVITE server transactions in progress and their {@link ProxyContext}s, so that a CANCEL
 * finds what to cancel (RFC 3261 §16.10), also while the INVITE is still parked (authentication,
 * DNS). An entry lives from the INVITE until its server transaction terminates, so the table is
 * bounded by the transaction table.
 *
 * <p>Threading: thread-safe; an entry is only touched on its transaction's shard.
 */
final class ProxyContexts {
    private final Map<ServerTransaction, Entry> entries = new ConcurrentHashMap<>();

    private static final class Entry {
        final RequestContext request;
        ProxyContext proxy;
        boolean cancelled;

        Entry(RequestContext request) {
            this.request = request;
        }
    }

    /** A new INVITE arrived. */
    void register(RequestContext request) {
        entries.put(request.transaction(), new Entry(request));
    }

    /**
     * The INVITE is now being forwarded by {@code proxy}.
     *
     * @return {@code false} if the caller cancelled meanwhile, and the context must not start
     */
    boolean attach(ServerTransaction transaction, ProxyContext proxy) {
        Entry entry = entries.get(transaction);
        if (entry == null) {
            return true; // not an INVITE: nothing can cancel it
        }
        if (entry.cancelled) {
            return false;
        }
        entry.proxy = proxy;
        return true;
    }

    boolean contains(ServerTransaction transaction) {
        return entries.containsKey(transaction);
    }

    /**
     * The caller cancelled the INVITE of {@code transaction}: its proxy context cancels the branches;
     * an INVITE not yet forwarded is answered 487 at once. Unknown transactions are ignored.
     */
    void cancel(ServerTransaction transaction) {
        Entry entry = entries.get(transaction);
        if (entry == null) {
            return;
        }
        if (entry.proxy != null) {
            entry.proxy.cancelByCaller();
        } else if (!entry.cancelled) {
            entry.cancelled = true;
            entry.request.respond(487, "Request Terminated");
        }
    }

    void remove(ServerTransaction transaction) {
        entries.remove(transaction);
    }

    int size() {
        return entries.size();
    }
}
