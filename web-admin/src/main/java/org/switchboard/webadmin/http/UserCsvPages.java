package org.switchboard.webadmin.http;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpStatus;
import org.switchboard.core.spi.store.DirectoryException;
import org.switchboard.core.spi.store.User;
import org.switchboard.webadmin.audit.AuditLog;
import org.switchboard.webadmin.directory.AdminDirectory;
import org.switchboard.webadmin.directory.ImportResult;
import org.switchboard.webadmin.directory.UserCsv;

/**
 * Users as CSV: the export of a domain's users as {@code user,password,display name} (with their SIP
 * passwords, so that it imports again as it is; audited, since it holds secrets), and the import of
 * such a text into a domain, with a dry run that shows the users it would add and every invalid
 * line with its number and reason. An import is all or nothing. A domain admin exports and imports
 * only their domain. Thread-safe.
 */
final class UserCsvPages {
    private final AdminDirectory directory;
    private final AuditLog audit;

    UserCsvPages(AdminDirectory directory, AuditLog audit) {
        this.directory = directory;
        this.audit = audit;
    }

    Map<String, Route> routes() {
        return Map.of("/users/export", new Route(false, this::export, null),
                "/users/import", new Route(false, this::form, this::importUsers));
    }

    private Reply export(Exchange ex) {
        DomainScope scope = DomainScope.of(ex, directory);
        if (scope.forbidden() || scope.domain() == null) {
            return DomainScope.refused();
        }
        String domain = scope.domain();
        List<User> users = directory.users(domain);
        String csv = UserCsv.write(users, u -> directory.password(domain, u.name()));
        audit.record(ex.principal().username(), ex.source(), "users.export", domain, domain, null,
                Map.of("users", Integer.toString(users.size())));
        return new Reply.Download("text/csv; charset=utf-8", "users-" + domain + ".csv",
                csv.getBytes(StandardCharsets.UTF_8));
    }

    private Reply form(Exchange ex) {
        DomainScope scope = DomainScope.of(ex, directory);
        if (scope.forbidden()) {
            return DomainScope.refused();
        }
        return page(ex, scope.domain(), HttpStatus.OK_200, null, "");
    }

    private Reply page(Exchange ex, String domain, int status, ImportResult result, String csv) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Import users");
        model.put("domain", domain == null ? "" : domain);
        model.put("domains", DomainScope.choices(ex, directory));
        model.put("csv", csv);
        if (result != null) {
            model.put("result", result);
        }
        return new Reply.Page(status, "users-import.ftlh", model);
    }

    private Reply importUsers(Exchange ex) {
        DomainScope scope = DomainScope.of(ex, directory);
        if (scope.forbidden() || scope.domain() == null) {
            return DomainScope.refused();
        }
        boolean dryRun = !"import".equals(ex.field("action"));
        String csv = ex.raw("csv");
        ImportResult result;
        try {
            result = directory.importUsers(scope.domain(), csv.getBytes(StandardCharsets.UTF_8), dryRun);
        } catch (DirectoryException e) {
            result = new ImportResult(scope.domain(), dryRun, 0, List.of(), List.of(e.getMessage()));
        }
        if (result.imported() > 0) {
            audit.record(ex.principal().username(), ex.source(), "users.import", scope.domain(), scope.domain(), null,
                    Map.of("users", Integer.toString(result.imported()), "sipPassword", "set"));
        }
        int status = result.problems().isEmpty() ? HttpStatus.OK_200 : HttpStatus.BAD_REQUEST_400;
        return page(ex, scope.domain(), status, result, result.imported() > 0 ? "" : csv);
    }
}
