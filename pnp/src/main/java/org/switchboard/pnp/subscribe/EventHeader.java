package org.switchboard.pnp.subscribe;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An Event header value (RFC 6665 §8.4: {@code event-type *( SEMI event-param )}) split into its
 * package name and parameters, with quoted parameter values unquoted and parameter names in lower
 * case.
 */
record EventHeader(String type, Map<String, String> params) {

    /** Parses an Event value; empty if it is malformed. */
    static Optional<EventHeader> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int semi = indexOfUnquoted(value, ';', 0);
        String type = (semi < 0 ? value : value.substring(0, semi)).trim();
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        int i = semi;
        while (i >= 0) {
            int next = indexOfUnquoted(value, ';', i + 1);
            String param = (next < 0 ? value.substring(i + 1) : value.substring(i + 1, next)).trim();
            int eq = param.indexOf('=');
            String name = (eq < 0 ? param : param.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                return Optional.empty();
            }
            String raw = eq < 0 ? "" : param.substring(eq + 1).trim();
            Optional<String> unquoted = unquote(raw);
            if (unquoted.isEmpty()) {
                return Optional.empty();
            }
            params.putIfAbsent(name, unquoted.get());
            i = next;
        }
        return Optional.of(new EventHeader(type, Map.copyOf(params)));
    }

    /** The parameter's value ({@code ""} for a parameter without value), or {@code ""} if absent. */
    String param(String name) {
        return params.getOrDefault(name, "");
    }

    private static int indexOfUnquoted(String s, char wanted, int from) {
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<String> unquote(String raw) {
        if (!raw.startsWith("\"")) {
            return raw.indexOf('"') >= 0 ? Optional.empty() : Optional.of(raw);
        }
        if (raw.length() < 2 || !raw.endsWith("\"")) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 1; i < raw.length() - 1; i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() - 1) {
                c = raw.charAt(++i);
            }
            b.append(c);
        }
        return Optional.of(b.toString());
    }
}
