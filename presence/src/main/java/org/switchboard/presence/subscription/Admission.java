package org.switchboard.presence.subscription;

/** Whether a new subscription may be added, and if not, which bound refuses it. */
public enum Admission {
    ADMITTED,
    /** The subscriber has as many subscriptions as one user may. */
    USER_LIMIT,
    /** The server has as many subscriptions as it keeps. */
    TOTAL_LIMIT
}
