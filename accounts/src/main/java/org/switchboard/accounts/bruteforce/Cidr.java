package org.switchboard.accounts.bruteforce;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 network in CIDR notation, e.g. {@code 192.168.0.0/16} or {@code 2001:db8::/32};
 * a bare address is a single host. Immutable and thread-safe.
 */
public final class Cidr {
    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private Cidr(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /**
     * Parses CIDR notation. Only address literals are accepted; no name is ever looked up.
     *
     * @throws IllegalArgumentException if {@code cidr} is not an address with an optional prefix length
     */
    public static Cidr parse(String cidr) {
        String s = cidr.strip();
        int slash = s.indexOf('/');
        String address = slash < 0 ? s : s.substring(0, slash);
        if (!isLiteral(address)) {
            throw new IllegalArgumentException("Not an IP network: " + cidr);
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Not an IP network: " + cidr, e);
        }
        int bits = bytes.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(s.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Bad prefix length in " + cidr, e);
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("Prefix length out of range in " + cidr);
        }
        for (int i = 0; i < bits; i++) {
            if (i >= prefix) {
                bytes[i / 8] &= (byte) ~(0x80 >>> (i % 8));
            }
        }
        return new Cidr(bytes, prefix, s);
    }

    /**
     * Whether {@code text} has the form of an IP address literal, which {@link InetAddress#getByName}
     * parses without a name lookup: digits and dots (IPv4), or hex digits, dots and colons with at
     * least one colon (IPv6).
     */
    private static boolean isLiteral(String text) {
        if (text.isEmpty()) {
            return false;
        }
        if (text.indexOf(':') >= 0) {
            return text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
        }
        return text.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.');
    }

    /**
     * Parses one IP address literal; a name is refused, never looked up.
     *
     * @throws IllegalArgumentException if {@code literal} is not an IPv4 or IPv6 address
     */
    public static InetAddress address(String literal) {
        String s = literal.strip();
        if (!isLiteral(s)) {
            throw new IllegalArgumentException("'" + literal + "' is not an IP address");
        }
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + literal + "' is not an IP address", e);
        }
    }

    /** Whether {@code address} lies in this network; an IPv4 address never matches an IPv6 network. */
    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        if (a.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (a[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    @Override
    public String toString() {
        return text;
    }
}
