package org.switchboard.core.spi.store;

import java.util.Locale;
import java.util.regex.Pattern;
import org.switchboard.core.spi.store.DirectoryException.Reason;

/**
 * What a domain name, user name, display name and SIP password may look like. Stateless and
 * thread-safe; each check throws {@link DirectoryException} with a message that names the problem.
 */
public final class DirectoryRules {
    /** Shortest SIP password accepted; phones are reachable from the internet. */
    public static final int MIN_PASSWORD_LENGTH = 8;
    public static final int MAX_PASSWORD_LENGTH = 128;
    public static final int MAX_USER_LENGTH = 64;
    public static final int MAX_DISPLAY_NAME_LENGTH = 128;

    // RFC 3261 §25.1 hostname (labels of letters, digits and inner hyphens) or an IPv4 address
    private static final Pattern HOSTNAME = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\\.?");
    // a conservative subset of RFC 3261 §25.1 user-unreserved/unreserved that needs no escaping
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._+-]{1," + MAX_USER_LENGTH + "}");

    private DirectoryRules() {
    }

    /** The domain name in lower case; throws {@link Reason#BAD_ADDRESS} if it is not a host name. */
    public static String domain(String name) {
        String d = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (!HOSTNAME.matcher(d).matches()) {
            throw new DirectoryException(Reason.BAD_ADDRESS, "'" + name + "' is not a valid domain name");
        }
        return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
    }

    /** The user name unchanged; throws {@link Reason#BAD_ADDRESS} if it cannot be a SIP user part. */
    public static String user(String name) {
        if (name == null || !USER.matcher(name).matches()) {
            throw new DirectoryException(Reason.BAD_ADDRESS, "'" + name + "' is not a valid user name (1 to "
                    + MAX_USER_LENGTH + " letters, digits, '.', '_', '+' or '-')");
        }
        return name;
    }

    /** The display name trimmed, or {@code null} if blank; rejects control characters and quotes. */
    public static String displayName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String d = name.trim();
        if (d.length() > MAX_DISPLAY_NAME_LENGTH || d.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '"')) {
            throw new DirectoryException(Reason.BAD_DISPLAY_NAME, "Display name must be at most "
                    + MAX_DISPLAY_NAME_LENGTH + " characters without quotes or control characters");
        }
        return d;
    }

    /** The password unchanged; throws {@link Reason#BAD_PASSWORD} if it is too short or too long. */
    public static String password(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > MAX_PASSWORD_LENGTH
                || password.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new DirectoryException(Reason.BAD_PASSWORD, "Password must be " + MIN_PASSWORD_LENGTH + " to "
                    + MAX_PASSWORD_LENGTH + " characters without control characters");
        }
        return password;
    }
}
