package org.switchboard.core.proxy;

import java.util.Objects;
import java.util.concurrent.Executor;
import org.switchboard.core.auth.Authenticator;
import org.switchboard.core.dns.DnsLookup;
import org.switchboard.core.location.LocationService;
import org.switchboard.core.proxy.routing.LocalRouter;
import org.switchboard.core.spi.event.EventBus;
import org.switchboard.core.spi.event.QueuedEventBus;
import org.switchboard.core.spi.route.DomainCatalog;
import org.switchboard.core.spi.route.Router;
import org.switchboard.core.spi.settings.Settings;
import org.switchboard.core.spi.store.CallRecordStore;

/**
 * What the server hands the forwarding proxy: where requests go ({@link Router}), which domains
 * are ours, who is registered where, who must authenticate and how, where call records go, and
 * where blocking work runs. Immutable; build it with {@link #local} and the {@code with...} methods.
 *
 * @param router decides the targets of initial requests
 * @param domains our domains and users, for the authentication policy
 * @param location the registered contacts, for the next hops on this host that a registered phone
 *     makes usable ({@link OwnHostHops})
 * @param authenticator authenticates requests from our users (407), or {@code null} to let every
 *     request through unauthenticated
 * @param callRecords where finished calls are written, or {@code null} to keep no records
 * @param blockingExecutor a bounded executor for blocking work (authentication, call records), or
 *     {@code null} for one the stack creates and stops
 * @param dns the DNS client for RFC 3263, or {@code null} for the system's name servers
 * @param settings timers and policies
 * @param events where the proxy publishes call events (call records listen there), or {@code null}
 *     for a bus of its own
 * @param hooks the plugins' target and response processors and relay hooks
 * @param live the server's live settings, holding {@link ProxyTimes#SECTION}: the proxy reads its
 *     timers and redirect policy there for each call instead of from {@code settings}; or {@code
 *     null} to keep those of {@code settings} for the run
 */
public record ProxyServices(Router router, DomainCatalog domains, LocationService location,
        Authenticator authenticator, CallRecordStore callRecords, Executor blockingExecutor, DnsLookup dns,
        ProxySettings settings, EventBus events, ProxyHooks hooks, Settings live) {

    public ProxyServices {
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(domains, "domains");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(settings, "settings");
        if (events == null) {
            events = new QueuedEventBus();
        }
        if (hooks == null) {
            hooks = ProxyHooks.NONE;
        }
    }

    /**
     * The default services: {@link LocalRouter} over the location service (no outbound proxy), no
     * authentication, no call records, default settings.
     */
    public static ProxyServices local(DomainCatalog domains, LocationService location) {
        return new ProxyServices(new LocalRouter(domains, location, null), domains, location, null, null, null, null,
                ProxySettings.DEFAULTS, null, null, null);
    }

    public ProxyServices withRouter(Router newRouter) {
        return new ProxyServices(newRouter, domains, location,
                authenticator, callRecords, blockingExecutor, dns, settings, events, hooks, live);
    }

    public ProxyServices withAuthenticator(Authenticator newAuthenticator) {
        return new ProxyServices(router, domains, location,
                newAuthenticator, callRecords, blockingExecutor, dns, settings, events, hooks, live);
    }

    public ProxyServices withCallRecords(CallRecordStore store) {
        return new ProxyServices(router, domains, location, authenticator, store, blockingExecutor, dns, settings,
                events, hooks, live);
    }

    public ProxyServices withBlockingExecutor(Executor executor) {
        return new ProxyServices(router, domains, location, authenticator, callRecords, executor, dns, settings,
                events, hooks, live);
    }

    public ProxyServices withDns(DnsLookup lookup) {
        return new ProxyServices(router, domains, location,
                authenticator, callRecords, blockingExecutor, lookup, settings, events, hooks, live);
    }

    public ProxyServices withEvents(EventBus bus) {
        return new ProxyServices(router, domains, location, authenticator, callRecords, blockingExecutor, dns, settings,
                bus, hooks, live);
    }

    public ProxyServices withHooks(ProxyHooks newHooks) {
        return new ProxyServices(router, domains, location, authenticator, callRecords, blockingExecutor, dns, settings,
                events, newHooks, live);
    }

    public ProxyServices withSettings(ProxySettings newSettings) {
        return new ProxyServices(router, domains, location,
                authenticator, callRecords, blockingExecutor, dns, newSettings, events, hooks, live);
    }

    /** These services with the proxy's timers and redirect policy read live from {@code settings}. */
    public ProxyServices withLiveSettings(Settings settings) {
        return new ProxyServices(router, domains, location, authenticator, callRecords, blockingExecutor, dns,
                this.settings, events, hooks, settings);
    }
}
