package org.switchboard.webadmin.http;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpStatus;
import org.switchboard.core.spi.store.AdminAccount;
import org.switchboard.core.spi.store.AdminRole;
import org.switchboard.core.spi.store.AdminStore;
import org.switchboard.core.spi.store.Domain;
import org.switchboard.webadmin.audit.AuditLog;
import org.switchboard.webadmin.auth.AdminAccountRules;
import org.switchboard.webadmin.auth.PasswordHasher;
import org.switchboard.webadmin.directory.AdminDirectory;

/** The administrator accounts page, for system admins: the list and adding an account. Thread-safe. */
final class AdminAccountPages {
    private final AdminStore admins;
    private final AdminDirectory directory;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;

    AdminAccountPages(AdminStore admins, AdminDirectory directory, PasswordHasher hasher, AuditLog audit, Clock clock) {
        this.admins = admins;
        this.directory = directory;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    Route route() {
        return new Route(true, ex -> page(ex, List.of(), HttpStatus.OK_200), this::add);
    }

    /** An account's fields for the audit log (the hash is masked there). */
    static Map<String, String> fields(AdminAccount account) {
        Map<String, String> fields = new HashMap<>();
        fields.put("username", account.username());
        fields.put("role", account.role().name());
        fields.put("domain", account.domain() == null ? "" : account.domain());
        fields.put("passwordHash", account.passwordHash());
        return fields;
    }

    private Reply page(Exchange ex, List<String> problems, int status) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Administrators");
        model.put("admins", admins.list());
        model.put("domains", directory.domains().stream().map(Domain::name).toList());
        model.put("problems", problems);
        model.put("username", ex.isPost() ? ex.field("username") : "");
        model.put("role", ex.isPost() ? ex.field("role") : AdminRole.DOMAIN_ADMIN.name());
        model.put("domain", ex.isPost() ? ex.field("domain") : "");
        model.put("added", ex.isPost() ? "" : ex.field("added"));
        return new Reply.Page(status, "admins.ftlh", model);
    }

    private Reply add(Exchange ex) {
        String username = AdminAccountRules.normalise(ex.field("username"));
        List<String> problems = new ArrayList<>();
        AdminAccountRules.usernameProblem(username).ifPresent(problems::add);
        AdminAccountRules.passwordProblem(ex.raw("password"), ex.raw("password2")).ifPresent(problems::add);
        AdminRole role;
        try {
            role = AdminRole.valueOf(ex.field("role"));
        } catch (IllegalArgumentException e) {
            role = null;
            problems.add("Choose a role.");
        }
        String domain = role == AdminRole.DOMAIN_ADMIN ? ex.field("domain") : null;
        if (role == AdminRole.DOMAIN_ADMIN
                && directory.domains().stream().noneMatch(d -> d.name().equals(ex.field("domain")))) {
            problems.add("A domain admin needs one of the server's domains.");
        }
        if (!problems.isEmpty()) {
            return page(ex, problems, HttpStatus.BAD_REQUEST_400);
        }
        AdminAccount account = new AdminAccount(username, hasher.hash(ex.raw("password").toCharArray()), role, domain,
                clock.instant());
        if (!admins.add(account)) {
            return page(ex, List.of("An administrator named " + username + " exists already."),
                    HttpStatus.CONFLICT_409);
        }
        audit.record(ex.principal().username(), ex.source(), "admin.add", domain, username, null, fields(account));
        return new Reply.Redirect("/admins?added=" + username);
    }
}
