package org.switchboard.core.message;

/**
 * Finds an IPv4 address (RFC 3261 §25.1: IPv4address = 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT "."
 * 1*3DIGIT, each part at most 255) at the start of a host. The usual host of a proxy's URIs and
 * Vias, so it is read sixteen bytes at a time: a byte loop that stops after one, two or three digits
 * per part costs a branch misprediction per part. Stateless.
 */
final class Ipv4Address {
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long DOTS = 0x2e2e2e2e2e2e2e2eL;
    /** An IPv4 address takes at most 15 bytes, so 16 bytes show its end. */
    private static final int WINDOW = 2 * Long.BYTES;

    private Ipv4Address() {
    }

    /**
     * The end of the IPv4 address at {@code start} in {@code s[start, n)} if the digits and dots
     * there are exactly a valid one and no other host character (letter, digit, '-', '.') follows,
     * else -1.
     */
    static int end(byte[] s, int start, int n) {
        if (start + WINDOW > s.length) {
            return endByBytes(s, start, n);
        }
        int len = Math.min(n - start, WINDOW);
        long low = Bytes.word(s, start);
        long high = Bytes.word(s, start + Long.BYTES);
        // bit k set for byte k of the window that lies before n and is a digit, or a dot
        int inside = len == WINDOW ? 0xffff : (1 << len) - 1;
        int digits = (flags(digitBytes(low)) | flags(digitBytes(high)) << 8) & inside;
        int dots = (flags(dotBytes(low)) | flags(dotBytes(high)) << 8) & inside;
        int run = Integer.numberOfTrailingZeros(~(digits | dots));
        if (run == WINDOW || run < len && SipUri.isHostChar(s[start + run])) {
            return -1;
        }
        dots &= (1 << run) - 1;
        if (Integer.bitCount(dots) != 3) {
            return -1;
        }
        int first = Integer.numberOfTrailingZeros(dots);
        int second = Integer.numberOfTrailingZeros(dots & ~(1 << first));
        int third = 31 - Integer.numberOfLeadingZeros(dots);
        return isPart(s, start, first) && isPart(s, start + first + 1, second - first - 1)
                && isPart(s, start + second + 1, third - second - 1) && isPart(s, start + third + 1, run - third - 1)
                ? start + run : -1;
    }

    /** Whether the {@code len} digits at {@code s[i]} are one to three digits worth at most 255. */
    private static boolean isPart(byte[] s, int i, int len) {
        if (len < 1 || len > 3) {
            return false;
        }
        return len < 3 || (s[i] - '0') * 100 + (s[i + 1] - '0') * 10 + (s[i + 2] - '0') <= 255;
    }

    /** As {@link #end}, a byte at a time, for an address too near the end of the array to read a window. */
    private static int endByBytes(byte[] s, int start, int n) {
        int i = start;
        for (int part = 0; part < 4; part++) {
            if (part > 0) {
                if (i >= n || s[i] != '.') {
                    return -1;
                }
                i++;
            }
            int digits = i;
            int value = 0;
            while (i < n && i - digits < 3 && Grammar.isDigit(s[i])) {
                value = value * 10 + s[i] - '0';
                i++;
            }
            if (i == digits || value > 255) {
                return -1;
            }
        }
        return i < n && SipUri.isHostChar(s[i]) ? -1 : i;
    }

    /** The high bit of each byte of {@code w} that is '0' to '9', exactly (no false flags). */
    private static long digitBytes(long w) {
        long low = w & ~HIGH_BITS;
        // per byte: at least '0' (0x30 + 0x50 reaches 0x80), not above '9' (0x3a + 0x46 reaches 0x80)
        return (low + 0x5050505050505050L) & ~(low + 0x4646464646464646L) & ~w & HIGH_BITS;
    }

    /** The high bit of each byte of {@code w} that is '.', exactly. */
    private static long dotBytes(long w) {
        long x = w ^ DOTS;
        return ~(((x & ~HIGH_BITS) + ~HIGH_BITS) | x | ~HIGH_BITS);
    }

    /** The high bits of the eight bytes of {@code m} gathered into bits 0 to 7 (byte 0 to bit 0). */
    private static int flags(long m) {
        return (int) (((m >>> 7) * 0x0102040810204080L) >>> 56);
    }
}
