package org.switchboard.dialplan.pattern;

/** How a number fits a pattern. */
public enum Fit {
    /** The pattern accepts the number. */
    MATCH,
    /** The number is a proper prefix of numbers the pattern accepts: more digits may follow (overlap dialling). */
    PREFIX,
    /** Neither. */
    NONE
}
