package org.switchboard.core.transaction;

/** The four transaction state machines of RFC 3261 §17, used to label counters. */
public enum TransactionKind {
    /** §17.1.1, with the RFC 6026 Accepted state. */
    INVITE_CLIENT,
    /** §17.1.2. */
    NON_INVITE_CLIENT,
    /** §17.2.1, with the RFC 6026 Accepted state. */
    INVITE_SERVER,
    /** §17.2.2. */
    NON_INVITE_SERVER
}
