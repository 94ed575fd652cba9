package org.switchboard.webadmin.directory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.switchboard.core.spi.service.BansService;
import org.switchboard.core.spi.store.Ban;

/**
 * Lifting a ban, the same for the page and the API: read the address without a name lookup, lift
 * it through the bans service, describe what was lifted for the audit log. Never blocks. Stateless.
 */
public final class BanActions {

    private BanActions() {
    }

    /**
     * An IPv4 or IPv6 address literal; never a host name, which would need a DNS lookup.
     *
     * @throws IllegalArgumentException when the text is not an address literal
     */
    public static InetAddress address(String text) {
        String t = text.strip();
        boolean literal = !t.isEmpty() && (t.indexOf(':') >= 0 || t.chars().allMatch(c -> c == '.' || Character.isDigit(c)));
        if (literal) {
            try {
                return InetAddress.getByName(t);
            } catch (UnknownHostException e) {
                // falls through to the refusal below
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an IP address; give one like 192.0.2.7 or 2001:db8::7.");
    }

    /** The ban in force on {@code source}, if any. */
    public static Optional<Ban> find(BansService bans, InetAddress source) {
        return bans.list().stream().filter(b -> b.source().equals(source)).findFirst();
    }

    /** A ban as the audit log and the API show it. */
    public static Map<String, String> describe(Ban ban) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("address", ban.source().getHostAddress());
        m.put("since", ban.since().toString());
        m.put("until", ban.until().toString());
        m.put("reason", ban.reason() == null ? "" : ban.reason());
        return m;
    }
}
