package org.switchboard.webadmin.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.core.transport.Flow;
import org.switchboard.webadmin.audit.AuditLog;
import org.switchboard.webadmin.directory.AdminDirectory;
import org.switchboard.webadmin.directory.RegistrationListing;
import org.switchboard.webadmin.directory.Unregistration;

/**
 * Who is registered now in a domain: one row per binding (address-of-record, contact, where it came
 * from, transport, User-Agent, seconds to expiry), searched and paged on the server, {@value
 * #PAGE_SIZE} a page, each with a button to remove it. A domain admin sees only their domain. Thread-safe.
 */
final class RegistrationPages {
    static final int PAGE_SIZE = 50;

    /** How long a page waits for the registrar to make a removal durable. */
    static final Duration WRITE_WAIT = Duration.ofSeconds(10);

    private final RegistrationListing listing;
    private final AdminDirectory directory;
    private final AuditLog audit;
    private final Clock clock;

    RegistrationPages(RegistrationListing listing, AdminDirectory directory, AuditLog audit, Clock clock) {
        this.listing = listing;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    Map<String, Route> routes() {
        return Map.of("/registrations", new Route(false, this::page, null),
                "/registrations/unregister", new Route(false, null, this::unregister));
    }

    /**
     * Removes one binding, as its phone's REGISTER with {@code Expires: 0} would (RFC 3261 §10.2.2);
     * the phone registers again at its next refresh unless its user is disabled or deleted.
     */
    private Reply unregister(Exchange ex) {
        DomainScope scope = DomainScope.of(ex, directory);
        if (scope.forbidden() || scope.domain() == null) {
            return DomainScope.refused();
        }
        AddressOfRecord aor = new AddressOfRecord(ex.field("user"), scope.domain());
        String key = ex.field("key");
        Optional<Binding> binding = Unregistration.find(listing, aor, key, clock.instant());
        String back = "/registrations?domain=" + URLEncoder.encode(scope.domain(), StandardCharsets.UTF_8);
        if (binding.isEmpty() || !Unregistration.remove(listing, binding.get(), WRITE_WAIT)) {
            return new Reply.Redirect(back + "&gone=" + URLEncoder.encode(aor.user(), StandardCharsets.UTF_8));
        }
        audit.record(ex.principal().username(), ex.source(), "registration.remove", scope.domain(),
                aor.user() + "@" + aor.host(), Unregistration.describe(binding.get()), null);
        return new Reply.Redirect(back + "&removed=" + URLEncoder.encode(binding.get().contactUri(),
                StandardCharsets.UTF_8));
    }

    private Reply page(Exchange ex) {
        DomainScope scope = DomainScope.of(ex, directory);
        if (scope.forbidden()) {
            return DomainScope.refused();
        }
        Instant now = clock.instant();
        String search = ex.field("q").toLowerCase(Locale.ROOT);
        List<RegistrationRow> rows = scope.domain() == null ? List.of() : listing.bindings().stream()
                .filter(b -> b.aor().host().equals(scope.domain()) && b.expiresAt().isAfter(now))
                .map(b -> row(b, now))
                .filter(r -> search.isEmpty() || r.user().toLowerCase(Locale.ROOT).contains(search)
                        || r.contact().toLowerCase(Locale.ROOT).contains(search)
                        || r.source().contains(search)
                        || (r.userAgent() != null && r.userAgent().toLowerCase(Locale.ROOT).contains(search)))
                .sorted(Comparator.comparing(RegistrationRow::user).thenComparing(RegistrationRow::contact))
                .toList();
        int pages = Math.max(1, (rows.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(ex.number("page", 0), pages - 1);
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Registrations");
        model.put("domain", scope.domain() == null ? "" : scope.domain());
        model.put("domains", DomainScope.choices(ex, directory));
        model.put("q", ex.field("q"));
        model.put("rows", rows.subList(page * PAGE_SIZE, Math.min(rows.size(), (page + 1) * PAGE_SIZE)));
        model.put("total", rows.size());
        model.put("page", page);
        model.put("pages", pages);
        model.put("removed", ex.field("removed"));
        model.put("gone", ex.field("gone"));
        return new Reply.Page("registrations.ftlh", model);
    }

    private static RegistrationRow row(Binding b, Instant now) {
        Flow flow = b.flow();
        return new RegistrationRow(b.aor().user(), b.contactUri(), flow.remote().getAddress().getHostAddress() + ":"
                + flow.remote().getPort(), flow.transport().name(), b.userAgent(),
                Duration.between(now, b.expiresAt()).toSeconds(), b.key());
    }
}
