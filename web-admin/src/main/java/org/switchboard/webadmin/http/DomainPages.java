package org.switchboard.webadmin.http;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpStatus;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.core.spi.store.DirectoryException;
import org.switchboard.core.spi.store.Domain;
import org.switchboard.webadmin.audit.AuditLog;
import org.switchboard.webadmin.directory.AdminDirectory;
import org.switchboard.webadmin.directory.RegistrationListing;

/**
 * The domains page, for system admins: each domain with its number of users and of users registered
 * now, and a form to add one (served at once, no restart). Thread-safe.
 */
final class DomainPages {
    private final AdminDirectory directory;
    private final RegistrationListing registrations;
    private final AuditLog audit;
    private final java.time.Clock clock;

    /** One domain as the page lists it (public, so that templates can read it). */
    public record Row(String name, int users, long registered) {
    }

    DomainPages(AdminDirectory directory, RegistrationListing registrations, AuditLog audit, java.time.Clock clock) {
        this.directory = directory;
        this.registrations = registrations;
        this.audit = audit;
        this.clock = clock;
    }

    Route route() {
        return new Route(true, ex -> page(ex, null, HttpStatus.OK_200), this::add);
    }

    private Reply page(Exchange ex, String problem, int status) {
        var now = clock.instant();
        Map<String, Set<String>> registered = registrations.bindings().stream()
                .filter(b -> b.expiresAt().isAfter(now))
                .collect(Collectors.groupingBy(b -> b.aor().host(),
                        Collectors.mapping((Binding b) -> b.aor().user(), Collectors.toSet())));
        List<Row> rows = directory.domains().stream().map(Domain::name)
                .map(d -> new Row(d, directory.users(d).size(), registered.getOrDefault(d, Set.of()).size()))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Domains");
        model.put("rows", rows);
        model.put("added", ex.isPost() ? "" : ex.field("added"));
        model.put("name", ex.isPost() ? ex.field("name") : "");
        if (problem != null) {
            model.put("problem", problem);
        }
        return new Reply.Page(status, "domains.ftlh", model);
    }

    private Reply add(Exchange ex) {
        Domain domain;
        try {
            domain = directory.addDomain(ex.field("name"));
        } catch (DirectoryException e) {
            return page(ex, e.getMessage(), HttpStatus.BAD_REQUEST_400);
        }
        audit.record(ex.principal().username(), ex.source(), "domain.add", domain.name(), domain.name(), null,
                Map.of("name", domain.name()));
        return new Reply.Redirect("/domains?added=" + domain.name());
    }
}
