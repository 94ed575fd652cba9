package org.switchboard.core.transaction;

import java.util.HashMap;
import java.util.Map;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.message.Via;

/** The client transactions of one shard, bounded, and giving back capacity after a peak
 * ({@link PeakCapacity}). Used only on that shard's thread. */
final class ClientTransactionTable {
    private Map<Key, ClientTransaction> byKey = new HashMap<>();
    private final PeakCapacity peak = new PeakCapacity();
    private final int capacity;

    ClientTransactionTable(int capacity) {
        this.capacity = capacity;
    }

    /** RFC 3261 §17.1.3: the branch of the top Via and the CSeq method. */
    record Key(String branch, String method) {
    }

    /** The transaction a response belongs to, or {@code null}. */
    ClientTransaction find(SipResponse response) {
        Via top = response.topVia();
        if (top == null || top.branch() == null) {
            return null;
        }
        return byKey.get(new Key(top.branch(), response.cseq().method()));
    }

    boolean isFull() {
        return byKey.size() >= capacity;
    }

    boolean contains(ClientTransaction transaction) {
        return byKey.containsKey(transaction.key);
    }

    void add(ClientTransaction transaction) {
        byKey.put(transaction.key, transaction);
        peak.added(byKey.size());
    }

    void remove(ClientTransaction transaction) {
        if (byKey.remove(transaction.key, transaction) && peak.shouldShrink(byKey.size())) {
            byKey = new HashMap<>(byKey);
        }
    }

    int size() {
        return byKey.size();
    }
}
