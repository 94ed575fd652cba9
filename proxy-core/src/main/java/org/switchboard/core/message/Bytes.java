package org.switchboard.core.message;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte searches over wire buffers, eight bytes at a time through a {@code long} view of the array.
 * A byte of {@code x} is zero where the buffer holds the byte searched for; {@code (x - 0x01..) & ~x
 * & 0x80..} is non-zero exactly when some byte of {@code x} is zero, and its lowest flagged byte is
 * the first such byte (a false flag can only sit above a true one). Stateless.
 */
final class Bytes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LF = 0x0a0a0a0a0a0a0a0aL;
    private static final long CR = 0x0d0d0d0d0d0d0d0dL;
    private static final long GT = 0x3e3e3e3e3e3e3e3eL;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Bytes() {
    }

    /** The eight bytes at {@code buf[i]} as a little-endian word; {@code i + 8} must not pass the array's end. */
    static long word(byte[] buf, int i) {
        return (long) LONGS.get(buf, i);
    }

    /** The index of the first LF in {@code buf[from, end)}, or -1. */
    static int indexOfLf(byte[] buf, int from, int end) {
        int i = from;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long found = zeroBytes((long) LONGS.get(buf, i) ^ LF);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < end; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The index of the first CR or LF in {@code buf[from, end)}, or -1. */
    static int indexOfLineBreak(byte[] buf, int from, int end) {
        int i = from;
        while (i + Long.BYTES <= end) {
            // one test for all bytes below 0x0e (CR, LF, but also HT and other controls), which
            // costs less than testing for CR and LF apart; a byte that is neither is stepped over
            long found = belowCr((long) LONGS.get(buf, i));
            if (found == 0) {
                i += Long.BYTES;
                continue;
            }
            int at = i + (Long.numberOfTrailingZeros(found) >>> 3);
            if (buf[at] == '\n' || buf[at] == '\r') {
                return at;
            }
            i = at + 1;
        }
        for (; i < end; i++) {
            if (buf[i] == '\n' || buf[i] == '\r') {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code buf[from, end)} holds a CR or an LF. */
    static boolean containsLineBreak(byte[] buf, int from, int end) {
        int i = from;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long word = (long) LONGS.get(buf, i);
            if ((zeroBytes(word ^ LF) | zeroBytes(word ^ CR)) != 0) {
                return true;
            }
        }
        for (; i < end; i++) {
            if (buf[i] == '\n' || buf[i] == '\r') {
                return true;
            }
        }
        return false;
    }

    /**
     * The {@code n} (1 to 8) bytes at {@code buf[from]} as a little-endian word, bytes beyond
     * {@code n} zero, with ASCII A-Z turned into a-z (bytes of 0x80 and above unchanged).
     */
    static long lowerCaseWord(byte[] buf, int from, int n) {
        long w;
        if (from + Long.BYTES <= buf.length) {
            // the shift is 0 for n = 8, keeping all bytes
            w = (long) LONGS.get(buf, from) & (-1L >>> ((Long.BYTES - n) << 3));
        } else {
            w = 0;
            for (int k = n - 1; k >= 0; k--) {
                w = (w << 8) | (buf[from + k] & 0xff);
            }
        }
        // per byte below 0x80: high bit set by the first sum if >= 'A', by the second if > 'Z'
        long low = w & ~HIGH_BITS;
        long upper = (low + 0x3f3f3f3f3f3f3f3fL) & ~(low + 0x2525252525252525L) & ~w & HIGH_BITS;
        return w | (upper >>> 2);
    }

    /** The index of the first byte {@code c} in {@code buf[from, end)}, or -1. */
    static int indexOf(byte[] buf, byte c, int from, int end) {
        long pattern = (c & 0xffL) * LOW_BITS;
        int i = from;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long found = zeroBytes((long) LONGS.get(buf, i) ^ pattern);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < end; i++) {
            if (buf[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** Whether every byte of {@code buf[from, end)} is printable ASCII, 0x20 to 0x7f. */
    static boolean isPrintableAscii(byte[] buf, int from, int end) {
        int i = from;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long w = (long) LONGS.get(buf, i);
            // without a byte below 0x20 nothing borrows, and a high bit is left only by bytes of 0x80 and above
            if ((((w - 0x2020202020202020L) | w) & HIGH_BITS) != 0) {
                return false;
            }
        }
        for (; i < end; i++) {
            if (buf[i] < 0x20) {
                return false;
            }
        }
        return true;
    }

    /**
     * The index of the first {@code a} or {@code b} in {@code buf[from, end)}, or {@code end} if there
     * is none (also for {@code from > end}).
     */
    static int indexOfEither(byte[] buf, byte a, byte b, int from, int end) {
        long patternA = (a & 0xffL) * LOW_BITS;
        long patternB = (b & 0xffL) * LOW_BITS;
        int i = from;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long w = (long) LONGS.get(buf, i);
            long found = zeroBytes(w ^ patternA) | zeroBytes(w ^ patternB);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < end; i++) {
            if (buf[i] == a || buf[i] == b) {
                return i;
            }
        }
        return end;
    }

    /**
     * The index of the first byte in {@code buf[from, end)} that ends or breaks a URI in angle
     * brackets: '>', '<', '"', or SP and below (whitespace and controls); {@code end} if there is none.
     */
    static int indexOfAddressStop(byte[] buf, int from, int end) {
        int i = from;
        while (i + Long.BYTES <= end) {
            long w = (long) LONGS.get(buf, i);
            // two tests for four kinds of byte: '<' and '>' differ only in bit 1, and '"' is the
            // byte after '!', so bytes below 0x23 flag whitespace, controls and '"', and also '!',
            // which is stepped over as indexOfLineBreak steps over other controls
            long found = zeroBytes((w | 0x0202020202020202L) ^ GT) | ((w - 0x2323232323232323L) & ~w & HIGH_BITS);
            if (found == 0) {
                i += Long.BYTES;
                continue;
            }
            int at = i + (Long.numberOfTrailingZeros(found) >>> 3);
            if (buf[at] != '!') {
                return at;
            }
            i = at + 1;
        }
        for (; i < end; i++) {
            int c = buf[i] & 0xff;
            if (c == '>' || c == '<' || c == '"' || c <= ' ') {
                return i;
            }
        }
        return end;
    }

    /**
     * The bytes of {@code x} below 0x0e flagged as {@link #zeroBytes} flags zero bytes, the lowest
     * flag being a true one: bytes of 0x80 and above are never flagged.
     */
    private static long belowCr(long x) {
        return (x - 0x0e0e0e0e0e0e0e0eL) & ~x & HIGH_BITS;
    }

    private static long zeroBytes(long x) {
        return (x - LOW_BITS) & ~x & HIGH_BITS;
    }
}
