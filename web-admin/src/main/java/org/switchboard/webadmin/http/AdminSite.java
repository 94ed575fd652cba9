package org.switchboard.webadmin.http;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.switchboard.core.spi.store.AdminStore;
import org.switchboard.webadmin.audit.AuditLog;
import org.switchboard.webadmin.auth.LoginThrottle;
import org.switchboard.webadmin.auth.PasswordHasher;
import org.switchboard.webadmin.auth.Sessions;
import org.switchboard.webadmin.auth.SetupToken;
import org.switchboard.webadmin.directory.AdminDirectory;
import org.switchboard.webadmin.directory.CallLog;
import org.switchboard.webadmin.directory.RegistrationListing;
import org.switchboard.webadmin.directory.ServerServices;
import org.switchboard.webadmin.live.LiveCounters;

/** Puts the web admin's pages together into the one handler mounted at {@value #MOUNT}. */
public final class AdminSite {
    /** Where the pages are mounted on the server's HTTP server. */
    public static final String MOUNT = "/admin";

    private AdminSite() {
    }

    /**
     * The handler of every page.
     *
     * @param setup the first-run setup token, open while no administrator exists
     */
    public static Handler handler(AdminStore admins, AuditLog audit, AdminDirectory directory,
            RegistrationListing registrations, CallLog calls, ServerServices services, LiveCounters counters, SetupToken setup, Sessions sessions, LoginThrottle throttle,
            PasswordHasher hasher, Clock clock) {
        AccessPages access = new AccessPages(setup, admins, directory, hasher, throttle, sessions, audit, clock);
        Map<String, Route> routes = new HashMap<>();
        routes.put("/", new DashboardPage(directory, registrations, counters, admins, clock).route());
        routes.put("/logout", access.logoutRoute());
        routes.put("/admins", new AdminAccountPages(admins, directory, hasher, audit, clock).route());
        routes.put("/audit", new AuditPages(audit).route());
        routes.putAll(new UserPages(directory, audit).routes());
        routes.putAll(new UserCsvPages(directory, audit).routes());
        routes.put("/domains", new DomainPages(directory, registrations, audit, clock).route());
        routes.put("/calls", new CallLogPages(calls, clock).route());
        routes.putAll(new RegistrationPages(registrations, directory, audit, clock).routes());
        routes.putAll(new SecurityPages(services.bans(), audit, clock).routes());
        routes.putAll(new DialPlanPages(services, directory, audit).routes());
        routes.putAll(new SettingsPages(services.settings(), audit).routes());
        routes.putAll(new DevicesPages(services.devices(), directory, audit).routes());
        return new AdminHandler(new Templates(), sessions, routes, access.openRoutes());
    }
}
