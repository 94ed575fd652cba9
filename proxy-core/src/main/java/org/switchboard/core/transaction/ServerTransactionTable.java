package org.switchboard.core.transaction;

import java.util.HashMap;
import java.util.Map;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipRequest;

/** The server transactions of one shard, bounded, and giving back capacity after a peak
 * ({@link PeakCapacity}). Used only on that shard's thread. */
final class ServerTransactionTable {
    private Map<ServerTransactionKey, ServerTransaction> byKey = new HashMap<>();
    private final PeakCapacity peak = new PeakCapacity();
    private final int capacity;

    ServerTransactionTable(int capacity) {
        this.capacity = capacity;
    }

    /** The transaction of a request other than ACK with {@code key} (a retransmission), or {@code null}. */
    ServerTransaction find(ServerTransactionKey key) {
        return byKey.get(key);
    }

    /**
     * The INVITE server transaction an ACK belongs to, or {@code null} (RFC 3261 §17.2.3). Without
     * an RFC 3261 branch, the ACK's To tag must equal the To tag of the response the transaction
     * sent; the INVITE itself carried that tag (re-INVITE) or none (initial INVITE).
     */
    ServerTransaction findForAck(SipRequest ack) {
        ServerTransaction found = byKey.get(ServerTransactionKey.of(ack));
        if (found != null || ack.topVia().hasRfc3261Branch()) {
            return found;
        }
        String ackToTag = ServerTransactionKey.toTagOf(ack);
        if (ackToTag == null) {
            return null;
        }
        found = byKey.get(ServerTransactionKey.of(ack, SipMethod.INVITE, null));
        return found instanceof InviteServerTransaction invite && ackToTag.equals(invite.responseToTag())
                ? found : null;
    }

    /** The INVITE server transaction a CANCEL refers to, or {@code null} (RFC 3261 §9.2). */
    ServerTransaction findInvite(SipRequest cancel) {
        ServerTransaction found = byKey.get(
                ServerTransactionKey.of(cancel, SipMethod.INVITE, ServerTransactionKey.toTagOf(cancel)));
        return found instanceof InviteServerTransaction ? found : null;
    }

    boolean isFull() {
        return byKey.size() >= capacity;
    }

    void add(ServerTransaction transaction) {
        byKey.put(transaction.key, transaction);
        peak.added(byKey.size());
    }

    void remove(ServerTransaction transaction) {
        if (byKey.remove(transaction.key, transaction) && peak.shouldShrink(byKey.size())) {
            byKey = new HashMap<>(byKey);
        }
    }

    int size() {
        return byKey.size();
    }
}
