package org.switchboard.core.spi.datagram;

import java.nio.ByteBuffer;

/**
 * Tells STUN messages (RFC 5389 §6) from other datagrams, for a {@link DatagramClaim} that answers
 * STUN keep-alives on the SIP port (RFC 5626 §4.4.2): a 20-byte header whose first two bits are
 * zero (so the first byte is 0x00 or 0x01), whose length is a multiple of 4 and matches the
 * datagram, and the magic cookie 0x2112A442 at offset 4. Stateless.
 */
public final class Stun {
    /** RFC 5389 §6. */
    public static final int MAGIC_COOKIE = 0x2112A442;
    /** The size of the STUN header. */
    public static final int HEADER_BYTES = 20;
    /** The Binding request's message type (RFC 5389 §18.1: method 0x001, class request). */
    public static final int BINDING_REQUEST = 0x0001;

    private Stun() {
    }

    /** Whether {@code datagram} (from its position) is a STUN message. */
    public static boolean isStun(ByteBuffer datagram) {
        int start = datagram.position();
        int size = datagram.remaining();
        if (size < HEADER_BYTES || (datagram.get(start) & 0xC0) != 0) {
            return false;
        }
        int length = datagram.getShort(start + 2) & 0xFFFF;
        return length % 4 == 0 && length == size - HEADER_BYTES && datagram.getInt(start + 4) == MAGIC_COOKIE;
    }

    /** The message type of a STUN message (check {@link #isStun} first). */
    public static int messageType(ByteBuffer datagram) {
        return datagram.getShort(datagram.position()) & 0x3FFF;
    }
}
