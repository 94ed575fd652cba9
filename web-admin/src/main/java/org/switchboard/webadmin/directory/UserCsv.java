package org.switchboard.webadmin.directory;

import java.util.List;
import java.util.function.Function;
import org.switchboard.core.spi.store.User;

/**
 * Writes a domain's users in the import's CSV format, {@code user,password,display name} (RFC 4180:
 * a field with a comma, quote or line break is quoted, a quote doubled), so an export imports again
 * as it is, into this server or another. Stateless.
 */
public final class UserCsv {
    /** The header line, which the import skips. */
    public static final String HEADER = "user,password,display name";

    private UserCsv() {
    }

    /** The CSV text of {@code users}, with each user's SIP password from {@code password}. */
    public static String write(List<User> users, Function<User, String> password) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (User u : users) {
            out.append(field(u.name())).append(',').append(field(password.apply(u)));
            if (u.displayName() != null && !u.displayName().isEmpty()) {
                out.append(',').append(field(u.displayName()));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static String field(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || !value.equals(value.strip());
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
