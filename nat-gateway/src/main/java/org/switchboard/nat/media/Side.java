package org.switchboard.nat.media;

/** A side of a call: the party that sent the initial INVITE, or the party it called. */
enum Side {
    CALLER,
    CALLEE;

    /** The other side. */
    Side other() {
        return this == CALLER ? CALLEE : CALLER;
    }
}
