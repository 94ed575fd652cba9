package org.switchboard.nat.stun;

/** A datagram that looks like STUN but breaks RFC 5389 §6 or §15; it is dropped and counted. */
public final class MalformedStunException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedStunException(String reason) {
        super(reason, null, false, false);
    }
}
