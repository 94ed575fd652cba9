package org.switchboard.webadmin.auth;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** What an administrator's name and password must be; each check returns the problem in words, if any. */
public final class AdminAccountRules {
    /** NIST SP 800-63B asks at least 8; an administrator holds the keys to every phone, so more. */
    public static final int MIN_PASSWORD = 12;
    public static final int MAX_PASSWORD = 128;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private AdminAccountRules() {
    }

    /** The name as stored: lower case. */
    public static String normalise(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    public static Optional<String> usernameProblem(String username) {
        return NAME.matcher(username).matches() ? Optional.empty()
                : Optional.of("The name must be 1 to 64 letters, digits, dots, dashes or underscores, "
                        + "starting with a letter or digit.");
    }

    public static Optional<String> passwordProblem(String password, String repeated) {
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            return Optional.of("The password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters long.");
        }
        if (!password.equals(repeated)) {
            return Optional.of("The two passwords differ.");
        }
        return Optional.empty();
    }
}
