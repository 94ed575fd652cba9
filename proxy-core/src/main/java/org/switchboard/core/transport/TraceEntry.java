package org.switchboard.core.transport;

import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * One SIP message as it crossed a socket, for the message flow page. Immutable: {@link #bytes()}
 * returns a copy.
 *
 * @param sequence increases by one per recorded message; orders entries recorded at the same instant
 * @param callId the Call-ID if the message could be parsed that far, else {@code null}
 */
public record TraceEntry(long sequence, Direction direction, Instant time, Transport transport,
                         InetSocketAddress local, InetSocketAddress remote, String callId, byte[] bytes) {

    /** Whether the message came in or went out. */
    public enum Direction {
        IN,
        OUT
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The size of the message on the wire. */
    public int length() {
        return bytes.length;
    }

    @Override
    public String toString() {
        return sequence + " " + direction + " " + time + " " + transport + " local " + Addresses.format(local)
                + " remote " + Addresses.format(remote) + " " + bytes.length + " bytes";
    }
}
