package org.switchboard.pnp.devices;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A range of numeric extensions such as {@code 200-299}, both ends included, from which discovered
 * phones get their user. Immutable.
 *
 * @param first the lowest extension
 * @param last the highest extension, not below {@code first}
 */
public record ExtensionRange(int first, int last) {
    private static final Pattern RANGE = Pattern.compile("(\\d{1,9})-(\\d{1,9})");

    /** @throws IllegalArgumentException if {@code last < first} or {@code first < 0} */
    public ExtensionRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("extension range " + first + "-" + last
                    + " is empty; write it like 200-299");
        }
    }

    /**
     * Parses {@code 200-299}.
     *
     * @throws IllegalArgumentException if the text is not such a range
     */
    public static ExtensionRange parse(String text) {
        Matcher m = RANGE.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an extension range like 200-299");
        }
        return new ExtensionRange(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
