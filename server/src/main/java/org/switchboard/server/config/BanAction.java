package org.switchboard.server.config;

/** What the server does with what a banned source sends. */
public enum BanAction {
    /**
     * Drop it unread and unanswered (the default): a cracking tool that gets no answer has nothing
     * to go on and usually stops, and the server spends nothing on it.
     */
    DROP,
    /** Answer its requests with 403 Forbidden, e.g. while looking into why a phone was banned. */
    REJECT
}
