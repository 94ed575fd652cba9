package org.switchboard.nat.stun;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Reads STUN requests and writes Binding responses (RFC 5389, with the RFC 3489 attributes for
 * clients that send no magic cookie, §12). Stateless and thread-safe.
 */
public final class StunCodec {
    /** RFC 5389 §6. */
    public static final int MAGIC_COOKIE = 0x2112A442;
    static final int HEADER = 20;
    static final int BINDING_REQUEST = 0x0001;
    static final int BINDING_SUCCESS = 0x0101;
    static final int MAPPED_ADDRESS = 0x0001;
    static final int SOURCE_ADDRESS = 0x0004;
    static final int CHANGED_ADDRESS = 0x0005;
    static final int CHANGE_REQUEST = 0x0003;
    static final int USERNAME = 0x0006;
    static final int MESSAGE_INTEGRITY = 0x0008;
    static final int ERROR_CODE = 0x0009;
    static final int UNKNOWN_ATTRIBUTES = 0x000A;
    static final int XOR_MAPPED_ADDRESS = 0x0020;
    static final int PRIORITY = 0x0024;
    static final int USE_CANDIDATE = 0x0025;
    static final int SOFTWARE = 0x8022;
    static final int FINGERPRINT = 0x8028;
    static final int RESPONSE_ORIGIN = 0x802B;
    static final int OTHER_ADDRESS = 0x802C;
    /** RFC 5389 §15.5: the CRC-32 is XOR-ed with this ("STUN"). */
    private static final int FINGERPRINT_XOR = 0x5354554e;
    private static final byte[] SOFTWARE_NAME = "Switchboard".getBytes(StandardCharsets.UTF_8);

    private StunCodec() {
    }

    /**
     * Parses a request from the datagram's remaining bytes (the position is not moved).
     *
     * @throws MalformedStunException if it is not a well-formed STUN request: short, wrong length,
     *     an attribute running past the end, a FINGERPRINT not last or not matching, or not of the
     *     request class (RFC 5389 §6, §7.3, §15.5)
     */
    public static StunRequest parseRequest(ByteBuffer datagram) throws MalformedStunException {
        ByteBuffer in = datagram.slice();
        int size = in.remaining();
        if (size < HEADER) {
            throw new MalformedStunException("shorter than the 20-byte header");
        }
        int type = in.getShort(0) & 0xFFFF;
        if ((type & 0xC000) != 0) {
            throw new MalformedStunException("first two bits not zero");
        }
        int length = in.getShort(2) & 0xFFFF;
        if (length % 4 != 0 || length != size - HEADER) {
            throw new MalformedStunException("length " + length + " does not match the " + size + "-byte datagram");
        }
        if ((type & 0x0110) != 0) {
            throw new MalformedStunException("not a request (class bits of type 0x" + Integer.toHexString(type) + ")");
        }
        boolean classic = in.getInt(4) != MAGIC_COOKIE;
        byte[] id = new byte[16];
        in.get(4, id);
        boolean changeIp = false;
        boolean changePort = false;
        List<Integer> unknown = new ArrayList<>();
        int at = HEADER;
        while (at < size) {
            if (size - at < 4) {
                throw new MalformedStunException("attribute header cut off at byte " + at);
            }
            int attribute = in.getShort(at) & 0xFFFF;
            int valueLength = in.getShort(at + 2) & 0xFFFF;
            int padded = (valueLength + 3) & ~3;
            if (at + 4 + padded > size) {
                throw new MalformedStunException("attribute 0x" + Integer.toHexString(attribute) + " runs past the end");
            }
            if (attribute == FINGERPRINT) {
                // §15.5: the last attribute, over everything before it with the length counting it
                if (valueLength != 4 || at + 8 != size) {
                    throw new MalformedStunException("FINGERPRINT not last or not 4 bytes");
                }
                if (in.getInt(at + 4) != fingerprint(in, at)) {
                    throw new MalformedStunException("FINGERPRINT does not match");
                }
            } else if (attribute == CHANGE_REQUEST) {
                if (valueLength != 4) {
                    throw new MalformedStunException("CHANGE-REQUEST not 4 bytes");
                }
                int flags = in.getInt(at + 4);
                changeIp = (flags & 0x4) != 0;
                changePort = (flags & 0x2) != 0;
            } else if (attribute < 0x8000 && !understood(attribute)) {
                unknown.add(attribute);
            }
            at += 4 + padded;
        }
        return new StunRequest(type, id, classic, changeIp, changePort, unknown);
    }

    /** Attributes a Binding server takes without acting on them (no credentials are checked here). */
    private static boolean understood(int attribute) {
        return attribute == MAPPED_ADDRESS || attribute == USERNAME || attribute == MESSAGE_INTEGRITY
                || attribute == PRIORITY || attribute == USE_CANDIDATE || attribute == XOR_MAPPED_ADDRESS;
    }

    /**
     * A Binding success response (RFC 5389 §7.3.1): XOR-MAPPED-ADDRESS with {@code mapped}, and
     * MAPPED-ADDRESS too for clients that know only it (§15.1); RESPONSE-ORIGIN and, when the server
     * has one, OTHER-ADDRESS (RFC 5780 §7.3, §7.4); SOFTWARE and FINGERPRINT. An RFC 3489 client
     * (no magic cookie) gets MAPPED-ADDRESS, SOURCE-ADDRESS and CHANGED-ADDRESS (RFC 3489 §11.2).
     *
     * @param origin the address the response is sent from, or {@code null} where the socket is bound
     *     to a wildcard address and the address is not known
     * @param other the address that would answer a CHANGE-REQUEST, or {@code null} if none or unknown
     */
    public static ByteBuffer bindingSuccess(StunRequest request, InetSocketAddress mapped, InetSocketAddress origin,
            InetSocketAddress other) {
        ByteBuffer out = ByteBuffer.allocate(256);
        header(out, BINDING_SUCCESS, request.id());
        byte[] id = request.id();
        if (request.classic()) {
            address(out, MAPPED_ADDRESS, mapped, null);
            if (origin != null) {
                address(out, SOURCE_ADDRESS, origin, null);
            }
            if (other != null) {
                address(out, CHANGED_ADDRESS, other, null);
            }
            return finish(out, false);
        }
        address(out, XOR_MAPPED_ADDRESS, mapped, id);
        address(out, MAPPED_ADDRESS, mapped, null);
        if (origin != null) {
            address(out, RESPONSE_ORIGIN, origin, null);
        }
        if (other != null) {
            address(out, OTHER_ADDRESS, other, null);
        }
        attribute(out, SOFTWARE, SOFTWARE_NAME);
        return finish(out, true);
    }

    /**
     * An error response (RFC 5389 §7.3.1.1, §15.6): ERROR-CODE with {@code code} and {@code reason}
     * and, for 420, UNKNOWN-ATTRIBUTES (§15.9).
     */
    public static ByteBuffer error(StunRequest request, int code, String reason, List<Integer> unknownAttributes) {
        ByteBuffer out = ByteBuffer.allocate(256 + 2 * unknownAttributes.size());
        header(out, request.type() | 0x0110, request.id()); // §6: the same method, class error
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        ByteBuffer value = ByteBuffer.allocate(4 + text.length);
        value.putShort((short) 0).put((byte) (code / 100)).put((byte) (code % 100)).put(text);
        attribute(out, ERROR_CODE, value.array());
        if (!unknownAttributes.isEmpty()) {
            ByteBuffer list = ByteBuffer.allocate(2 * unknownAttributes.size());
            unknownAttributes.forEach(a -> list.putShort((short) a.intValue()));
            attribute(out, UNKNOWN_ATTRIBUTES, list.array());
        }
        attribute(out, SOFTWARE, SOFTWARE_NAME);
        return finish(out, !request.classic());
    }

    private static void header(ByteBuffer out, int type, byte[] id) {
        out.putShort((short) type).putShort((short) 0).put(id);
    }

    /** Sets the length, adds FINGERPRINT if asked (§15.5), and flips the buffer for reading. */
    private static ByteBuffer finish(ByteBuffer out, boolean withFingerprint) {
        if (withFingerprint) {
            int at = out.position();
            out.putShort(2, (short) (at + 8 - HEADER));
            out.putShort((short) FINGERPRINT).putShort((short) 4).putInt(fingerprint(out, at));
        }
        out.putShort(2, (short) (out.position() - HEADER));
        return out.flip();
    }

    /** CRC-32 of {@code message[0, end)} XOR 0x5354554e (RFC 5389 §15.5). */
    static int fingerprint(ByteBuffer message, int end) {
        CRC32 crc = new CRC32();
        crc.update(message.slice(0, end));
        return (int) crc.getValue() ^ FINGERPRINT_XOR;
    }

    /**
     * An address attribute (RFC 5389 §15.1, §15.2): family 1 (IPv4) or 2 (IPv6), port and address,
     * XOR-ed with the magic cookie and transaction ID when {@code xorWith} (the 16-byte id) is given.
     */
    private static void address(ByteBuffer out, int type, InetSocketAddress socket, byte[] xorWith) {
        byte[] address = socket.getAddress().getAddress();
        if (socket.getAddress() instanceof Inet4Address) {
            out.putShort((short) type).putShort((short) 8).put((byte) 0).put((byte) 1);
        } else if (socket.getAddress() instanceof Inet6Address) {
            out.putShort((short) type).putShort((short) 20).put((byte) 0).put((byte) 2);
        } else {
            throw new IllegalArgumentException("Not an IP address: " + socket);
        }
        int port = socket.getPort();
        if (xorWith != null) {
            port ^= MAGIC_COOKIE >>> 16;
            for (int i = 0; i < address.length; i++) {
                address[i] ^= xorWith[i];
            }
        }
        out.putShort((short) port).put(address);
    }

    private static void attribute(ByteBuffer out, int type, byte[] value) {
        out.putShort((short) type).putShort((short) value.length).put(value);
        for (int pad = value.length; pad % 4 != 0; pad++) {
            out.put((byte) 0);
        }
    }
}
