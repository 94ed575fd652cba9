package org.switchboard.core.message;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The known header name spellings (full names and compact forms, lower case) in a collision-free
 * hash table, so that a name read off the wire is found with one hash, one slot and at most three
 * word comparisons. Immutable after construction; {@link #find} is thread-safe.
 */
final class SpellingTable {
    private static final int SLOTS = 1024;
    /** Eight bytes per word, three words: longer spellings are not taken. */
    private static final int MAX_LENGTH = 24;

    /** Each slot's spelling as little-endian lower-case words of up to eight bytes, zero-padded. */
    private final long[] word0 = new long[SLOTS];
    private final long[] word1 = new long[SLOTS];
    private final long[] word2 = new long[SLOTS];
    /** Each slot's spelling length; 0 for an empty slot, which no length looked up has. */
    private final int[] lengths = new int[SLOTS];
    private final HeaderName[] names = new HeaderName[SLOTS];
    private final long multiplier;

    /** A table of {@code spellings}, each lower case and ASCII, at most {@value #MAX_LENGTH} bytes. */
    SpellingTable(Map<String, HeaderName> spellings) {
        // multipliers are tried until the first words and lengths spread without a collision
        long m = 0x9E3779B97F4A7C15L;
        while (!fill(spellings, m)) {
            m += 0x6A09E667F3BCC909L;
        }
        multiplier = m;
    }

    private boolean fill(Map<String, HeaderName> spellings, long m) {
        java.util.Arrays.fill(lengths, 0);
        for (Map.Entry<String, HeaderName> e : spellings.entrySet()) {
            byte[] b = e.getKey().getBytes(StandardCharsets.US_ASCII);
            if (b.length == 0 || b.length > MAX_LENGTH) {
                throw new IllegalArgumentException("Spelling out of range: " + e.getKey());
            }
            long w0 = word(b, 0);
            int slot = slot(w0, b.length, m);
            if (lengths[slot] != 0) {
                return false;
            }
            lengths[slot] = b.length;
            word0[slot] = w0;
            word1[slot] = word(b, 8);
            word2[slot] = word(b, 16);
            names[slot] = e.getValue();
        }
        return true;
    }

    private static long word(byte[] b, int from) {
        return from < b.length ? Bytes.lowerCaseWord(b, from, Math.min(8, b.length - from)) : 0;
    }

    private static int slot(long firstWord, int len, long m) {
        return (int) (((firstWord ^ len) * m) >>> 54);
    }

    /** The name spelled in {@code b[off, off+len)} in any case, or {@code null} if none is. */
    HeaderName find(byte[] b, int off, int len) {
        if (len <= 0 || len > MAX_LENGTH) {
            return null;
        }
        long w0 = Bytes.lowerCaseWord(b, off, Math.min(8, len));
        int slot = slot(w0, len, multiplier);
        if (lengths[slot] != len || word0[slot] != w0) {
            return null;
        }
        if (len > 8 && (word1[slot] != Bytes.lowerCaseWord(b, off + 8, Math.min(8, len - 8))
                || len > 16 && word2[slot] != Bytes.lowerCaseWord(b, off + 16, len - 16))) {
            return null;
        }
        return names[slot];
    }
}
