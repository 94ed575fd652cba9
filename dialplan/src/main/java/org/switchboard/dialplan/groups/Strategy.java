package org.switchboard.dialplan.groups;

import java.util.Locale;

/** How a group rings its members. */
public enum Strategy {
    /** All members together (parallel forking, RFC 3261 §16.6), for the group's ring time. */
    RING_ALL("ring-all"),
    /** One member after another in the listed order, each for the group's ring time. */
    LINEAR("linear");

    private final String text;

    Strategy(String text) {
        this.text = text;
    }

    /**
     * @throws IllegalArgumentException for anything but {@code ring-all} or {@code linear}
     */
    public static Strategy parse(String text) {
        String lower = text.trim().toLowerCase(Locale.ROOT);
        for (Strategy s : values()) {
            if (s.text.equals(lower)) {
                return s;
            }
        }
        throw new IllegalArgumentException("strategy '" + text + "' is neither ring-all nor linear");
    }

    @Override
    public String toString() {
        return text;
    }
}
