/**
 * The RFC 3261 §17 transaction layer: the INVITE and non-INVITE client and server transaction
 * state machines (with the RFC 6026 Accepted states), matching of requests and responses to
 * transactions, and their timers.
 *
 * <p>Threading: transactions are partitioned into {@link org.switchboard.core.transaction.Shard}s
 * chosen by Call-ID. A transaction, its table entry and its timers are touched only on its shard's
 * thread, so no state here is locked. Nothing in this package blocks. No Netty types are used; the
 * server adapts its event loops with {@link org.switchboard.core.transaction.ExecutorShard}.
 */
package org.switchboard.core.transaction;
