package org.switchboard.dialplan.rule;

import java.util.Arrays;
import java.util.Locale;

/** What a user may dial, as a rule's caller condition names it. */
public enum PermissionClass {
    INTERNAL, NATIONAL, INTERNATIONAL, PREMIUM;

    /** The name as admins write it, lower case. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the known classes */
    public static PermissionClass of(String text) {
        for (PermissionClass c : values()) {
            if (c.label().equalsIgnoreCase(text.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown permission class '" + text + "'; known: "
                + Arrays.stream(values()).map(PermissionClass::label).toList());
    }
}
