package org.switchboard.nat.stun;

import java.util.List;

/**
 * A parsed STUN request (RFC 5389 §6), as much of it as a Binding server needs. Immutable.
 *
 * @param type the message type (method and class, RFC 5389 §6)
 * @param id the 16 bytes after the length: the magic cookie and the 96-bit transaction ID of RFC
 *     5389, or RFC 3489's 128-bit transaction ID
 * @param classic whether the magic cookie is missing: an RFC 3489 client, answered the RFC 3489 way
 * @param changeIp whether CHANGE-REQUEST (RFC 3489 §11.2.4, RFC 5780 §7.2) asks for another address
 * @param changePort whether it asks for another port
 * @param unknownRequired comprehension-required attributes (below 0x8000) this server does not know
 */
public record StunRequest(int type, byte[] id, boolean classic, boolean changeIp, boolean changePort,
        List<Integer> unknownRequired) {

    public StunRequest {
        id = id.clone();
        unknownRequired = List.copyOf(unknownRequired);
    }

    @Override
    public byte[] id() {
        return id.clone();
    }

    /** Whether it is a Binding request (RFC 5389 §18.1). */
    public boolean isBinding() {
        return type == StunCodec.BINDING_REQUEST;
    }
}
