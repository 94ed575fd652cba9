package org.switchboard.nat.detect;

/** Whether the NAT gateway treats a phone as behind a NAT. */
public enum NatMode {
    /** As {@link NatDetector} finds from each request (the default). */
    AUTO,
    /** Every phone: each contact is reached over the flow it registered on, each Contact rewritten. */
    ALWAYS,
    /** No phone: contacts are reached as RFC 3261 says and Contacts go unchanged. */
    NEVER
}
