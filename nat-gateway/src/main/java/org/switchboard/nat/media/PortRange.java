package org.switchboard.nat.media;

/**
 * A range of UDP ports, written {@code first-last} as in {@code --rtp-ports 20000-29999}.
 *
 * @param first the first port
 * @param last the last port, at least {@code first + 1}
 */
public record PortRange(int first, int last) {

    /** Checks the bounds. */
    public PortRange {
        if (first < 1024 || last > 65535 || last <= first) {
            throw new IllegalArgumentException("a port range is first-last with 1024 <= first < last <= 65535, not "
                    + first + "-" + last);
        }
    }

    /**
     * Reads {@code first-last}.
     *
     * @throws IllegalArgumentException if it is not two ports with a dash between them
     */
    public static PortRange parse(String text) {
        String[] parts = text.trim().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a port range is first-last, e.g. 20000-29999, not " + text);
        }
        try {
            return new PortRange(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a port range is first-last, e.g. 20000-29999, not " + text);
        }
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
