package org.switchboard.webadmin.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpStatus;
import org.switchboard.core.spi.service.DialPlanService;
import org.switchboard.core.spi.store.DialPlanStore;
import org.switchboard.core.spi.store.DialRule;
import org.switchboard.core.spi.store.Domain;
import org.switchboard.webadmin.audit.AuditLog;
import org.switchboard.webadmin.directory.AdminDirectory;
import org.switchboard.webadmin.directory.DialPlanActions;
import org.switchboard.webadmin.directory.ServerServices;

/**
 * The dial plan of a domain: its rules in the order they are tried, a form to add a rule or replace
 * one of the same name (checked as the server compiles it, the error shown with its position), a
 * button to delete one, and the "test a number" tool: caller, number, optional time, answered by the
 * same dial plan service as {@code switchboard dialplan test}, with the deciding rule highlighted.
 * The test is a GET, so a result can be bookmarked. A domain admin sees and tests only their domain.
 * Without a dial plan on the server the page says so. Thread-safe.
 */
final class DialPlanPages {
    private final Optional<DialPlanService> service;
    private final Optional<DialPlanStore> store;
    private final AdminDirectory directory;
    private final AuditLog audit;

    DialPlanPages(ServerServices services, AdminDirectory directory, AuditLog audit) {
        this.service = services.dialPlan();
        this.store = services.dialRules();
        this.directory = directory;
        this.audit = audit;
    }

    Map<String, Route> routes() {
        return Map.of("/dialplan", new Route(false, this::page, null),
                "/dialplan/save", new Route(false, null, this::save),
                "/dialplan/delete", new Route(false, null, this::delete));
    }

    private Reply page(Exchange ex) {
        return render(ex, HttpStatus.OK_200, List.of(), null);
    }

    private Reply render(Exchange ex, int status, List<String> problems, DialRule draft) {
        DomainScope scope = DomainScope.of(ex, directory);
        if (scope.forbidden()) {
            return DomainScope.refused();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Dial plan");
        model.put("available", service.isPresent() && store.isPresent());
        model.put("domain", scope.domain() == null ? "" : scope.domain());
        model.put("domains", DomainScope.choices(ex, directory));
        model.put("problems", problems);
        model.put("saved", ex.isPost() ? "" : ex.field("saved"));
        model.put("deleted", ex.isPost() ? "" : ex.field("deleted"));
        model.put("draft", draft == null ? Map.of() : DialPlanActions.describe(draft));
        String from = ex.isPost() ? "" : ex.field("from");
        String to = ex.isPost() ? "" : ex.field("to");
        String at = ex.isPost() ? "" : ex.field("at");
        model.put("from", from);
        model.put("to", to);
        model.put("at", at);
        if (service.isEmpty() || store.isEmpty() || scope.domain() == null) {
            model.put("rules", List.of());
            return new Reply.Page(status, "dialplan.ftlh", model);
        }
        model.put("rules", DialPlanActions.rules(store.get().rules(), scope.domain()).stream()
                .map(DialPlanActions::describe).toList());
        if (!to.isEmpty() && !from.isEmpty()) {
            String caller = from.contains("@") ? from : from + "@" + scope.domain();
            Set<String> ours = directory.domains().stream().map(Domain::name).collect(Collectors.toSet());
            if (!DialPlanActions.mayTest(ex.principal(), caller, to, ours)) {
                return DomainScope.refused();
            }
            try {
                model.put("test", service.get().test(caller, to, at));
            } catch (IllegalArgumentException e) {
                model.put("testError", e.getMessage());
            }
        }
        return new Reply.Page(status, "dialplan.ftlh", model);
    }

    private Reply save(Exchange ex) {
        DomainScope scope = DomainScope.of(ex, directory);
        if (scope.forbidden() || scope.domain() == null) {
            return DomainScope.refused();
        }
        if (service.isEmpty() || store.isEmpty()) {
            return AdminHandler.error(HttpStatus.NOT_FOUND_404, "No dial plan", "This server runs without a dial plan.");
        }
        List<String> problems = new ArrayList<>();
        int priority = 0;
        try {
            priority = Integer.parseInt(ex.field("priority"));
        } catch (NumberFormatException e) {
            problems.add("Priority must be a whole number (lower is tried first).");
        }
        String name = ex.field("name");
        if (name.isEmpty()) {
            problems.add("Give the rule a name (unique in the domain).");
        }
        if (ex.field("to").isEmpty()) {
            problems.add("Give the number pattern (To), e.g. 0[1-9]x. or !^0(.*)$!+49\\1!.");
        }
        if (ex.field("action").isEmpty()) {
            problems.add("Give the action, e.g. forward sip:{user}@gw.example.net or reject 403 Forbidden.");
        }
        DialRule rule = new DialRule(scope.domain(), priority, name, ex.field("from").isEmpty() ? "*" : ex.field("from"),
                ex.field("to"), blankToNull(ex.field("schedule")), ex.field("action"), blankToNull(ex.field("rewrite")));
        if (problems.isEmpty()) {
            try {
                service.get().check(rule);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            return render(ex, HttpStatus.BAD_REQUEST_400, problems, rule);
        }
        Optional<DialRule> before = DialPlanActions.rules(store.get().rules(), scope.domain()).stream()
                .filter(r -> r.name().equals(name)).findFirst();
        store.get().saveRule(rule);
        audit.record(ex.principal().username(), ex.source(), before.isPresent() ? "dialplan.rule.edit"
                : "dialplan.rule.add", scope.domain(), name + "@" + scope.domain(),
                before.map(DialPlanActions::describe).orElse(null), DialPlanActions.describe(rule));
        return new Reply.Redirect("/dialplan?domain=" + encode(scope.domain()) + "&saved=" + encode(name));
    }

    private Reply delete(Exchange ex) {
        DomainScope scope = DomainScope.of(ex, directory);
        if (scope.forbidden() || scope.domain() == null) {
            return DomainScope.refused();
        }
        if (store.isEmpty()) {
            return AdminHandler.error(HttpStatus.NOT_FOUND_404, "No dial plan", "This server runs without a dial plan.");
        }
        String name = ex.field("name");
        Optional<DialRule> before = DialPlanActions.rules(store.get().rules(), scope.domain()).stream()
                .filter(r -> r.name().equals(name)).findFirst();
        if (before.isEmpty() || !store.get().removeRule(scope.domain(), name)) {
            return AdminHandler.error(HttpStatus.NOT_FOUND_404, "No such rule", scope.domain() + " has no rule named "
                    + name + ".");
        }
        audit.record(ex.principal().username(), ex.source(), "dialplan.rule.delete", scope.domain(),
                name + "@" + scope.domain(), DialPlanActions.describe(before.get()), null);
        return new Reply.Redirect("/dialplan?domain=" + encode(scope.domain()) + "&deleted=" + encode(name));
    }

    private static String blankToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
