package org.switchboard.webadmin.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.core.transport.Flow;
import org.switchboard.webadmin.directory.AdminDirectory;
import org.switchboard.webadmin.directory.RegistrationListing;

/**
 * Who is registered now in a domain: one row per binding (address-of-record, contact, where it came
 * from, transport, User-Agent, seconds to expiry), searched and paged on the server, {@value
 * #PAGE_SIZE} a page. A domain admin sees only their domain. Thread-safe.
 */
final class RegistrationPages {
    static final int PAGE_SIZE = 50;

    private final RegistrationListing listing;
    private final AdminDirectory directory;
    private final Clock clock;

    RegistrationPages(RegistrationListing listing, AdminDirectory directory, Clock clock) {
        this.listing = listing;
        this.directory = directory;
        this.clock = clock;
    }

    Route route() {
        return new Route(false, this::page, null);
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
        return new Reply.Page("registrations.ftlh", model);
    }

    private static RegistrationRow row(Binding b, Instant now) {
        Flow flow = b.flow();
        return new RegistrationRow(b.aor().user(), b.contactUri(), flow.remote().getAddress().getHostAddress() + ":"
                + flow.remote().getPort(), flow.transport().name(), b.userAgent(),
                Duration.between(now, b.expiresAt()).toSeconds());
    }
}
