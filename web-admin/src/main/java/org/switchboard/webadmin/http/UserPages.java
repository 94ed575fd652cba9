package org.switchboard.webadmin.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpStatus;
import org.switchboard.core.spi.service.NewCredentials;
import org.switchboard.core.spi.store.DirectoryException;
import org.switchboard.core.spi.store.User;
import org.switchboard.webadmin.audit.AuditLog;
import org.switchboard.webadmin.directory.AdminDirectory;
import org.switchboard.webadmin.directory.UserQuery;

/**
 * The users of a domain: the list (search, sort and pages done on the server, in the query string so
 * a view can be bookmarked), add (the generated SIP password is shown this once), edit (display name,
 * enabled) and delete (after a confirmation page). A domain admin sees and changes only their domain;
 * naming another answers 403. Every change goes to the audit log. Thread-safe.
 */
final class UserPages {
    static final int PAGE_SIZE = 50;

    private final AdminDirectory directory;
    private final AuditLog audit;

    UserPages(AdminDirectory directory, AuditLog audit) {
        this.directory = directory;
        this.audit = audit;
    }

    Map<String, Route> routes() {
        return Map.of("/users", new Route(false, this::list, null),
                "/users/add", new Route(false, null, this::add),
                "/users/edit", new Route(false, this::editForm, this::edit),
                "/users/delete", new Route(false, this::deleteForm, this::delete));
    }

    private Reply list(Exchange ex) {
        DomainScope scope = DomainScope.of(ex, directory);
        if (scope.forbidden()) {
            return DomainScope.refused();
        }
        Optional<String> domain = Optional.ofNullable(scope.domain());
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Users");
        model.put("domains", DomainScope.choices(ex, directory));
        UserQuery query = new UserQuery(ex.field("q"), ex.field("sort"), "desc".equals(ex.field("dir")),
                ex.number("page", 0), PAGE_SIZE);
        model.put("query", query);
        model.put("domain", domain.orElse(""));
        model.put("added", ex.field("added"));
        model.put("removed", ex.field("removed"));
        model.put("saved", ex.field("saved"));
        if (domain.isEmpty()) {
            model.put("result", new UserQuery.Result(List.of(), 0, 0, 1));
        } else {
            try {
                model.put("result", query.apply(directory.users(domain.get())));
            } catch (DirectoryException e) {
                return AdminHandler.error(HttpStatus.NOT_FOUND_404, "No such domain", e.getMessage());
            }
        }
        return new Reply.Page("users.ftlh", model);
    }

    private Reply add(Exchange ex) {
        DomainScope scope = DomainScope.of(ex, directory);
        if (scope.forbidden() || scope.domain() == null) {
            return DomainScope.refused();
        }
        Optional<String> domain = Optional.of(scope.domain());
        Map<String, Object> model = new HashMap<>();
        String display = ex.field("displayName");
        NewCredentials created;
        try {
            created = directory.addUser(domain.get(), ex.field("name"), display.isEmpty() ? null : display);
        } catch (DirectoryException e) {
            return AdminHandler.error(HttpStatus.BAD_REQUEST_400, "User not added", e.getMessage());
        }
        User user = created.user();
        audit.record(ex.principal().username(), ex.source(), "user.add", user.domain(), address(user), null,
                fields(user, true));
        model.put("title", "User added");
        model.put("user", user);
        model.put("password", created.password());
        return new Reply.Page("user-added.ftlh", model);
    }

    /** A user's fields for the audit log; the SIP password is named only to be masked. */
    private static Map<String, String> fields(User user, boolean passwordSet) {
        Map<String, String> fields = new HashMap<>();
        fields.put("name", user.name());
        fields.put("displayName", user.displayName() == null ? "" : user.displayName());
        fields.put("enabled", String.valueOf(user.enabled()));
        if (passwordSet) {
            fields.put("sipPassword", "set");
        }
        return fields;
    }

    private static String address(User user) {
        return user.name() + "@" + user.domain();
    }

    /** The user the request names, within the administrator's scope. */
    private Optional<User> target(DomainScope scope, Exchange ex) {
        return scope.domain() == null ? Optional.empty() : directory.user(scope.domain(), ex.field("name"));
    }

    private Reply editForm(Exchange ex) {
        DomainScope scope = DomainScope.of(ex, directory);
        if (scope.forbidden()) {
            return DomainScope.refused();
        }
        Optional<User> user = target(scope, ex);
        Map<String, Object> model = new HashMap<>();
        if (user.isEmpty()) {
            return AdminHandler.error(HttpStatus.NOT_FOUND_404, "No such user", "There is no user " + ex.field("name") + ".");
        }
        model.put("title", "Edit user " + address(user.get()));
        model.put("user", user.get());
        return new Reply.Page("user-edit.ftlh", model);
    }

    private Reply edit(Exchange ex) {
        DomainScope scope = DomainScope.of(ex, directory);
        if (scope.forbidden()) {
            return DomainScope.refused();
        }
        Optional<User> before = target(scope, ex);
        if (before.isEmpty()) {
            return AdminHandler.error(HttpStatus.NOT_FOUND_404, "No such user", "There is no user " + ex.field("name") + ".");
        }
        String display = ex.field("displayName");
        User after;
        try {
            after = new User(before.get().domain(), before.get().name(), display.isEmpty() ? null : display,
                    ex.fields().get("enabled") != null);
            directory.update(after);
        } catch (DirectoryException e) {
            return AdminHandler.error(HttpStatus.BAD_REQUEST_400, "User not saved", e.getMessage());
        }
        audit.record(ex.principal().username(), ex.source(), "user.edit", after.domain(), address(after),
                fields(before.get(), false), fields(after, false));
        return new Reply.Redirect("/users?domain=" + encode(after.domain()) + "&saved=" + encode(after.name()));
    }

    private Reply deleteForm(Exchange ex) {
        DomainScope scope = DomainScope.of(ex, directory);
        if (scope.forbidden()) {
            return DomainScope.refused();
        }
        Optional<User> user = target(scope, ex);
        Map<String, Object> model = new HashMap<>();
        if (user.isEmpty()) {
            return AdminHandler.error(HttpStatus.NOT_FOUND_404, "No such user", "There is no user " + ex.field("name") + ".");
        }
        model.put("title", "Delete user " + address(user.get()) + "?");
        model.put("user", user.get());
        return new Reply.Page("user-delete.ftlh", model);
    }

    private Reply delete(Exchange ex) {
        DomainScope scope = DomainScope.of(ex, directory);
        if (scope.forbidden()) {
            return DomainScope.refused();
        }
        Optional<User> user = target(scope, ex);
        if (user.isEmpty()) {
            return AdminHandler.error(HttpStatus.NOT_FOUND_404, "No such user", "There is no user " + ex.field("name") + ".");
        }
        directory.removeUser(user.get().domain(), user.get().name());
        audit.record(ex.principal().username(), ex.source(), "user.delete", user.get().domain(), address(user.get()),
                fields(user.get(), false), null);
        return new Reply.Redirect("/users?domain=" + encode(user.get().domain()) + "&removed="
                + encode(user.get().name()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
