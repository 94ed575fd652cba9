package org.switchboard.webadmin.http;

import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpStatus;
import org.switchboard.core.spi.service.BansService;
import org.switchboard.core.spi.store.Ban;
import org.switchboard.webadmin.audit.AuditLog;
import org.switchboard.webadmin.directory.BanActions;

/**
 * Security: the source addresses banned for failed SIP authentications, each with when it was
 * banned, until when, why, and a button to lift the ban (which also forgets the address's failed
 * attempts); and the trusted networks, never banned, set at start. Bans are per address across all domains, so the page is for system admins only.
 * Thread-safe.
 */
final class SecurityPages {
    private final BansService bans;
    private final AuditLog audit;
    private final Clock clock;

    SecurityPages(BansService bans, AuditLog audit, Clock clock) {
        this.bans = bans;
        this.audit = audit;
        this.clock = clock;
    }

    Map<String, Route> routes() {
        return Map.of("/security", new Route(true, this::page, null),
                "/security/unban", new Route(true, null, this::unban));
    }

    /** One ban as the page shows it (public, so that templates can read it). */
    public record BanRow(String address, String since, String until, long secondsLeft, String reason) {
    }

    private Reply page(Exchange ex) {
        Instant now = clock.instant();
        List<BanRow> rows = bans.list().stream().map(b -> new BanRow(b.source().getHostAddress(),
                b.since().truncatedTo(ChronoUnit.SECONDS).toString(), b.until().truncatedTo(ChronoUnit.SECONDS).toString(), Math.max(0, Duration.between(now, b.until()).toSeconds()), b.reason())).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Security");
        model.put("bans", rows);
        model.put("trusted", bans.trustedNetworks());
        model.put("lifted", ex.field("lifted"));
        model.put("notBanned", ex.field("notBanned"));
        return new Reply.Page("security.ftlh", model);
    }

    private Reply unban(Exchange ex) {
        InetAddress address;
        try {
            address = BanActions.address(ex.field("address"));
        } catch (IllegalArgumentException e) {
            return AdminHandler.error(HttpStatus.BAD_REQUEST_400, "Not an address", e.getMessage());
        }
        Optional<Ban> ban = BanActions.find(bans, address);
        if (ban.isEmpty() || !bans.lift(address)) {
            return new Reply.Redirect("/security?notBanned=" + encode(address.getHostAddress()));
        }
        audit.record(ex.principal().username(), ex.source(), "ban.lift", null, address.getHostAddress(),
                BanActions.describe(ban.get()), null);
        return new Reply.Redirect("/security?lifted=" + encode(address.getHostAddress()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
