package org.switchboard.core.proxy.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.location.LocationService;
import org.switchboard.core.location.RegisteredContact;
import org.switchboard.core.message.SipParseException;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.spi.route.DomainCatalog;
import org.switchboard.core.spi.route.RouteDecision;
import org.switchboard.core.spi.route.RouteRequest;
import org.switchboard.core.spi.route.Router;
import org.switchboard.core.spi.route.Target;

/**
 * The default {@link Router}: a Request-URI in one of our domains goes to the registered contacts
 * of its user (RFC 3261 §16.5: the location service); any other Request-URI goes through the
 * configured outbound proxy if there is one, else to the next hop RFC 3263 finds for it.
 *
 * <ul>
 *   <li>unknown user: 404 Not Found
 *   <li>known user without a live registration: 480 Temporarily Unavailable
 * </ul>
 *
 * <p>Threading: as {@link Router}; thread-safe, answers from memory with a completed decision (no
 * thread hop).
 */
public final class LocalRouter implements Router {
    private static final Logger LOG = LoggerFactory.getLogger(LocalRouter.class);

    private final DomainCatalog domains;
    private final LocationService location;
    private final SipUri outboundProxy;

    /**
     * @param outboundProxy where requests for other domains go, or {@code null} for RFC 3263 routing
     */
    public LocalRouter(DomainCatalog domains, LocationService location, SipUri outboundProxy) {
        this.domains = domains;
        this.location = location;
        this.outboundProxy = outboundProxy;
    }

    @Override
    public CompletionStage<RouteDecision> route(RouteRequest request) {
        return CompletableFuture.completedFuture(decide(request.request()));
    }

    private RouteDecision decide(SipRequest request) {
        SipUri uri = request.sipRequestUri();
        if (!domains.isLocalDomain(uri.host())) {
            return RouteDecision.forward(List.of(outboundProxy == null ? Target.of(uri)
                    : Target.via(uri, "<" + outboundProxy.withParams(outboundProxy.params().with("lr", null)) + ">")));
        }
        if (uri.user() == null) {
            return RouteDecision.reject(404, "Not Found");
        }
        AddressOfRecord aor = AddressOfRecord.of(uri);
        if (!domains.userExists(aor)) {
            return RouteDecision.reject(404, "Not Found");
        }
        List<Target> targets = new ArrayList<>();
        for (RegisteredContact contact : location.lookup(aor)) {
            try {
                targets.add(Target.registered(contact));
            } catch (SipParseException e) {
                LOG.debug("Skipping contact {} of {}: {}", contact.uri(), aor, e.getMessage());
            }
        }
        if (targets.isEmpty()) {
            return RouteDecision.reject(480, "Temporarily Unavailable");
        }
        return RouteDecision.forward(targets);
    }
}
