package org.switchboard.webadmin.http;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.spi.store.AdminAccount;
import org.switchboard.core.spi.store.AdminRole;
import org.switchboard.core.spi.store.AdminStore;
import org.switchboard.core.spi.store.DirectoryException;
import org.switchboard.core.spi.store.DirectoryRules;
import org.switchboard.webadmin.audit.AuditLog;
import org.switchboard.webadmin.auth.AdminAccountRules;
import org.switchboard.webadmin.auth.LoginThrottle;
import org.switchboard.webadmin.auth.PasswordHasher;
import org.switchboard.webadmin.auth.Principal;
import org.switchboard.webadmin.auth.RandomTokens;
import org.switchboard.webadmin.auth.Session;
import org.switchboard.webadmin.auth.Sessions;
import org.switchboard.webadmin.auth.SetupToken;
import org.switchboard.webadmin.directory.AdminDirectory;

/**
 * The way in: the first-run setup (creates the first system admin and the first domain, once, with
 * the token from the server log), login (Argon2id check, back-off per account and address) and
 * logout. The login form carries a double-submit token (a cookie and a field that must match) so
 * another site cannot log a browser in under its own account. Thread-safe.
 */
final class AccessPages {
    private static final Logger LOG = LoggerFactory.getLogger(AccessPages.class);
    private static final String SETUP_ACTOR = "first-run setup";

    private final SetupToken setup;
    private final AdminStore admins;
    private final AdminDirectory directory;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Sessions sessions;
    private final AuditLog audit;
    private final Clock clock;

    AccessPages(SetupToken setup, AdminStore admins, AdminDirectory directory, PasswordHasher hasher,
            LoginThrottle throttle, Sessions sessions, AuditLog audit, Clock clock) {
        this.setup = setup;
        this.admins = admins;
        this.directory = directory;
        this.hasher = hasher;
        this.throttle = throttle;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The open routes: setup and login (GET and POST); logout is behind the login. */
    Map<String, Route> openRoutes() {
        return Map.of("/setup", new Route(false, this::setupForm, this::setup),
                "/login", new Route(false, this::loginForm, this::login));
    }

    Route logoutRoute() {
        return new Route(false, null, this::logout);
    }

    private Reply setupForm(Exchange ex) {
        if (!setup.open()) {
            return new Reply.Redirect("/login");
        }
        if (!setup.matches(ex.field("token"))) {
            return AdminHandler.error(HttpStatus.FORBIDDEN_403, "Setup link needed",
                    "Open the one-time setup link the server printed in its log when it started.");
        }
        return setupPage(ex, List.of(), HttpStatus.OK_200);
    }

    private Reply setupPage(Exchange ex, List<String> problems, int status) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", "First-run setup");
        model.put("token", ex.field("token"));
        model.put("username", ex.field("username"));
        model.put("domain", ex.field("domain"));
        model.put("problems", problems);
        return new Reply.Page(status, "setup.ftlh", model, true);
    }

    private Reply setup(Exchange ex) {
        if (!setup.open()) {
            return new Reply.Redirect("/login");
        }
        if (!setup.matches(ex.field("token"))) {
            LOG.warn("Web admin: first-run setup from {} refused: wrong or missing setup token", ex.source());
            return AdminHandler.error(HttpStatus.FORBIDDEN_403, "Setup link needed",
                    "Open the one-time setup link the server printed in its log when it started.");
        }
        String username = AdminAccountRules.normalise(ex.field("username"));
        List<String> problems = new ArrayList<>();
        AdminAccountRules.usernameProblem(username).ifPresent(problems::add);
        AdminAccountRules.passwordProblem(ex.raw("password"), ex.raw("password2")).ifPresent(problems::add);
        String domain = null;
        try {
            domain = DirectoryRules.domain(ex.field("domain"));
        } catch (DirectoryException e) {
            problems.add("The domain: " + e.getMessage() + ".");
        }
        if (!problems.isEmpty()) {
            return setupPage(ex, problems, HttpStatus.BAD_REQUEST_400);
        }
        AdminAccount account = new AdminAccount(username, hasher.hash(ex.raw("password").toCharArray()),
                AdminRole.SYSTEM_ADMIN, null, clock.instant());
        if (!admins.addFirst(account)) {
            setup.close();
            return AdminHandler.error(HttpStatus.CONFLICT_409, "Setup already done",
                    "An administrator exists already; log in instead.");
        }
        setup.close();
        audit.record(SETUP_ACTOR, ex.source(), "admin.add", null, username, null, AdminAccountPages.fields(account));
        String finalDomain = domain;
        boolean exists = directory.domains().stream().anyMatch(d -> d.name().equals(finalDomain));
        if (!exists) {
            directory.addDomain(domain);
            audit.record(username, ex.source(), "domain.add", domain, domain, null, Map.of("name", domain));
        }
        LOG.info("Web admin: first-run setup done from {}: system admin {} created, domain {}", ex.source(),
                username, domain);
        Session session = sessions.start(new Principal(username, AdminRole.SYSTEM_ADMIN, null));
        ex.cookies().add(Cookies.set(ex.request(), Cookies.SESSION, session.id()));
        return new Reply.Redirect("/");
    }

    private Reply loginForm(Exchange ex) {
        return loginPage(ex, null, HttpStatus.OK_200);
    }

    private Reply loginPage(Exchange ex, String problem, int status) {
        String token = RandomTokens.next();
        ex.cookies().add(Cookies.set(ex.request(), Cookies.LOGIN, token));
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Log in");
        model.put("loginToken", token);
        model.put("username", ex.field("username"));
        model.put("next", safeNext(ex.field("next")));
        model.put("setupPending", setup.open());
        model.put("loggedOut", ex.fields().get("loggedout") != null);
        if (problem != null) {
            model.put("problem", problem);
        }
        return new Reply.Page(status, "login.ftlh", model, true);
    }

    private Reply login(Exchange ex) {
        if (!RandomTokens.same(Cookies.read(ex.request(), Cookies.LOGIN), ex.raw(AdminHandler.CSRF_FIELD))) {
            LOG.warn("Web admin: login from {} refused: the form's token does not match its cookie", ex.source());
            return loginPage(ex, "The login form was stale or not from this site. Please try again.",
                    HttpStatus.FORBIDDEN_403);
        }
        String username = AdminAccountRules.normalise(ex.field("username"));
        String source = ex.source();
        Optional<Duration> wait = throttle.wait(username, source);
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds());
            LOG.warn("Web admin: login of {} from {} refused without checking: too many failures, {} s to wait",
                    username, source, seconds);
            return loginPage(ex, "Too many failed logins for this name from your address. Try again in " + seconds
                    + " seconds.", HttpStatus.TOO_MANY_REQUESTS_429);
        }
        char[] password = ex.raw("password").toCharArray();
        Optional<AdminAccount> account = username.isEmpty() ? Optional.empty() : admins.find(username);
        boolean ok;
        if (account.isPresent()) {
            ok = hasher.matches(password, account.get().passwordHash());
        } else {
            hasher.matchNothing(password);
            ok = false;
        }
        if (!ok) {
            int failures = throttle.failed(username, source);
            LOG.warn("Web admin: failed login as {} from {} ({} in a row){}", username, source, failures,
                    account.isPresent() ? "" : "; no such administrator");
            audit.record(username.isEmpty() ? "(no name)" : username, source, "login.failed", null, username, null,
                    null);
            return loginPage(ex, "Wrong name or password.", HttpStatus.UNAUTHORIZED_401);
        }
        throttle.succeeded(username, source);
        AdminAccount admin = account.get();
        Session session = sessions.start(new Principal(admin.username(), admin.role(), admin.domain()));
        ex.cookies().add(Cookies.set(ex.request(), Cookies.SESSION, session.id()));
        ex.cookies().add(Cookies.set(ex.request(), Cookies.LOGIN, null));
        audit.record(admin.username(), source, "login", admin.domain(), admin.username(), null, null);
        return new Reply.Redirect(safeNext(ex.field("next")));
    }

    private Reply logout(Exchange ex) {
        Session session = ex.session().orElseThrow();
        sessions.end(session.id());
        ex.cookies().add(Cookies.set(ex.request(), Cookies.SESSION, null));
        audit.record(session.principal().username(), ex.source(), "logout", session.principal().domain(),
                session.principal().username(), null, null);
        return new Reply.Redirect("/login?loggedout");
    }

    /** A path within the web admin to return to after login; never another site ({@code //host}). */
    static String safeNext(String next) {
        return next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") && !next.contains("\n")
                && !next.contains("\r") ? next : "/";
    }
}
