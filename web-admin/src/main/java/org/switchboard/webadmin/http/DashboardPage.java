package org.switchboard.webadmin.http;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.core.spi.store.AdminRole;
import org.switchboard.core.spi.store.AdminStore;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.webadmin.auth.Principal;
import org.switchboard.webadmin.directory.AdminDirectory;
import org.switchboard.webadmin.directory.RegistrationListing;
import org.switchboard.webadmin.live.LiveCounters;

/**
 * The start page: live numbers (users, registered users and contacts, calls in progress, calls and
 * answers since start, active bans) and a warnings box. A domain admin sees their domain's numbers
 * only. {@code ?auto=N} reloads the page every N seconds (5 to 300) without JavaScript; the page
 * links to switch that on and off. Thread-safe.
 */
final class DashboardPage {
    private static final int MIN_REFRESH = 5;
    private static final int MAX_REFRESH = 300;

    private final AdminDirectory directory;
    private final RegistrationListing registrations;
    private final LiveCounters counters;
    private final AdminStore admins;
    private final Clock clock;

    DashboardPage(AdminDirectory directory, RegistrationListing registrations, LiveCounters counters,
            AdminStore admins, Clock clock) {
        this.directory = directory;
        this.registrations = registrations;
        this.counters = counters;
        this.admins = admins;
        this.clock = clock;
    }

    Route route() {
        return new Route(false, this::page, null);
    }

    private Reply page(Exchange ex) {
        Principal me = ex.principal();
        Instant now = clock.instant();
        List<String> domains = me.isSystemAdmin() ? directory.domains().stream().map(d -> d.name()).toList()
                : List.of(me.domain());
        List<String> warnings = new ArrayList<>();
        int users = 0;
        for (String domain : domains) {
            int count = directory.users(domain).size();
            users += count;
            if (count == 0) {
                warnings.add("Domain " + domain + " has no users yet: add them on the Users page.");
            }
        }
        List<Binding> live = registrations.bindings().stream()
                .filter(b -> domains.contains(b.aor().host()) && b.expiresAt().isAfter(now)).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Dashboard");
        model.put("domains", domains.size());
        model.put("users", users);
        model.put("contacts", live.size());
        model.put("registeredUsers", live.stream().map(Binding::aor).distinct().count());
        if (me.isSystemAdmin()) {
            model.put("activeCalls", counters.activeCalls());
            model.put("callsStarted", counters.callsStarted());
            model.put("callsAnswered", counters.callsAnswered());
            model.put("bans", counters.activeBans(now));
            model.put("since", counters.since().toString());
            if (admins.list().stream().filter(a -> a.role() == AdminRole.SYSTEM_ADMIN).count() == 1) {
                warnings.add("There is one system administrator: add a second on the Administrators page, "
                        + "so a lost password does not lock everyone out.");
            }
        }
        if (!ex.request().isSecure() && !loopback(ex.source())) {
            warnings.add("This page came over plain HTTP from another machine: passwords and the session "
                    + "cookie cross the network unencrypted. Put the web admin behind HTTPS.");
        }
        model.put("warnings", warnings);
        int auto = ex.number("auto", 0);
        if (auto > 0) {
            model.put("refresh", Math.max(MIN_REFRESH, Math.min(MAX_REFRESH, auto)));
        }
        return new Reply.Page("dashboard.ftlh", model);
    }

    private static boolean loopback(String address) {
        try {
            // an address literal from the connection, never a name: no lookup happens
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
