package org.switchboard.registrar.register;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.auth.AuthResult;
import org.switchboard.core.auth.AuthRole;
import org.switchboard.core.auth.Authenticator;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipParseException;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.proxy.OwnHost;
import org.switchboard.core.spi.chain.ProcessorResult;
import org.switchboard.core.spi.chain.RequestContext;
import org.switchboard.core.spi.event.EventBus;
import org.switchboard.core.spi.event.SwitchboardEvent;
import org.switchboard.core.spi.reach.ReachPolicy;
import org.switchboard.core.spi.route.DomainCatalog;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.core.spi.store.BindingChanges;
import org.switchboard.core.transport.Addresses;
import org.switchboard.core.transport.Flow;
import org.switchboard.registrar.binding.BindingWriter;
import org.switchboard.registrar.binding.InMemoryLocationService;
import org.switchboard.registrar.binding.RegistrationOutcome;

/**
 * Processes one REGISTER in the order of RFC 3261 §10.3 and answers it through its {@link
 * RequestContext}:
 * <ol>
 *   <li>Step 1: the address-of-record (To) must be in a domain we serve, and the Request-URI must
 *       name that domain, another served domain or this server ({@code localhost} or one of its
 *       own addresses: a phone configured with the server's address). Otherwise 404 Not Found:
 *       Switchboard does not relay registrations to other domains or hosts, which would make it an
 *       open relay for REGISTER.
 *   <li>Step 3: digest authentication; a challenge is a 401 with one WWW-Authenticate per value. A
 *       user blocked from the source address after repeated wrong passwords, and a banned source
 *       whose requests reach us (the one that caused the ban; all of them when the transports do
 *       not drop banned sources), get 403 Forbidden without a challenge rather than silence,
 *       because a non-INVITE server transaction in Trying has no timer to end it (§17.2.2).
 *   <li>Step 4: the user may register only their own address-of-record, else 403.
 *   <li>Steps 6 and 7: Contact, Expires, q, Path and RFC 5626 checks ({@link RegisterParser}), then
 *       the change goes to the {@link BindingWriter}; the 200 of step 8 is sent after it is
 *       committed. A CSeq not higher than the binding's for the same Call-ID aborts the update with
 *       500 (step 7); a failed commit gives 500, a full writer queue 503 with Retry-After.
 * </ol>
 *
 * <p><b>Threading:</b> {@link #handle} never blocks: domains, secrets and bindings are read from
 * memory (the constructor refuses a blocking authenticator), so it runs on the
 * request's shard. Once the change is queued it returns an asynchronous step ({@link
 * ProcessorResult#async}) that completes when the writer has committed it; the request chain then
 * sends the 200 (or the failure) on the request's shard. Thread-safe.
 */
public final class RegisterHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RegisterHandler.class);
    /** Seconds a client should wait after a 503 because the registrar is overloaded. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final DomainCatalog domains;
    private final OwnHost ownHost;
    private final Authenticator authenticator;
    private final RegisterParser parser;
    private final BindingWriter writer;
    private final EventBus events;
    private final InMemoryLocationService location;
    private final Clock clock;

    /**
     * @param ownHost the addresses of this server, which a Request-URI may name instead of a domain
     * @param reach decides for each contact whether it is reached over the REGISTER's flow
     */
    public RegisterHandler(DomainCatalog domains, OwnHost ownHost, Authenticator authenticator,
            Supplier<ExpiryRules> expiry, ReachPolicy reach, BindingWriter writer, InMemoryLocationService location,
            Clock clock, EventBus events) {
        if (authenticator.blocks()) {
            throw new IllegalArgumentException(
                    "The registrar runs on event loops: it needs an in-memory authenticator");
        }
        this.domains = domains;
        this.ownHost = ownHost;
        this.authenticator = authenticator;
        this.parser = new RegisterParser(expiry, reach);
        this.writer = writer;
        this.location = location;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Processes the REGISTER of {@code context}; see the class description. Never blocks.
     *
     * @return {@link ProcessorResult#STOP} once answered, or the asynchronous step that answers it once durable
     */
    public ProcessorResult handle(RequestContext context) {
        SipRequest request = context.request();
        Flow flow = context.flow();
        SipUri to;
        SipUri requestUri;
        try {
            to = request.to().sipUri();
            requestUri = request.sipRequestUri();
        } catch (SipParseException e) {
            refuse(context, 400, "To and Request-URI must be SIP URIs", flow, request.headers().firstValue(HeaderName.TO));
            return ProcessorResult.STOP;
        }
        String domain = to.host().toLowerCase(Locale.ROOT);
        // §10.3 step 1 and step 5
        if (to.user() == null || !domains.isLocalDomain(domain) || !addressesUs(requestUri.host(), domain)) {
            refuse(context, 404, "Domain not served here", flow, to.toString());
            return ProcessorResult.STOP;
        }
        AddressOfRecord aor = AddressOfRecord.of(to);
        // §10.3 steps 3 and 4
        AuthResult auth = authenticator.authenticate(request, flow.remote().getAddress(), AuthRole.REGISTRAR);
        // Java 17: patterns in switch are not final yet, so the sealed result is matched in order
        if (auth instanceof AuthResult.Challenge c) {
            SipResponse.Builder b = context.responseBuilder(c.role().statusCode(), c.role().reasonPhrase());
            for (String value : c.headerValues()) {
                b.add(c.role().challengeHeader(), value);
            }
            context.respond(b.build());
            return ProcessorResult.STOP;
        }
        if (auth instanceof AuthResult.Rejected r) {
            refuse(context, r.statusCode(), r.reason(), flow, aor.toString());
            return ProcessorResult.STOP;
        }
        if (auth instanceof AuthResult.Banned b) {
            LOG.debug("Refused REGISTER for {} from {}: blocked or banned until {} after failed authentications", aor,
                    flow, b.until());
            context.respond(RegisterResponses.status(context, 403, "Forbidden"));
            return ProcessorResult.STOP;
        }
        AuthResult.Authenticated user = (AuthResult.Authenticated) auth;
        if (!user.owns(to)) {
            refuse(context, 403, "Not your address-of-record", flow,
                    aor + " by user " + user.username() + '@' + user.domain());
            return ProcessorResult.STOP;
        }
        Instant now = clock.instant();
        RegisterRequest parsed = parser.parse(request, aor, flow, now);
        if (parsed instanceof RegisterRequest.Invalid invalid) {
            SipResponse.Builder b = context.responseBuilder(invalid.status(), invalid.reason());
            if (invalid.header() != null) {
                b.add(invalid.header(), invalid.value());
            }
            LOG.info("Refused REGISTER for {} from {}: {} {}", aor, flow, invalid.status(), invalid.reason());
            context.respond(b.build());
        } else if (parsed instanceof RegisterRequest.Fetch) {
            context.respond(RegisterResponses.ok(context, location.bindings(aor), now, echoedPath(request), false));
        } else if (parsed instanceof RegisterRequest.RemoveAll) {
            return answerWhenDurable(context, aor, writer.removeAll(aor, request.callId(), request.cseq().number()), false,
                    List.of(), Map.of());
        } else {
            RegisterRequest.Update update = (RegisterRequest.Update) parsed;
            // read before the change, only to tell a refresh from a new or replaced binding in the log
            Map<String, String> before = new HashMap<>();
            for (Binding b : location.bindings(aor)) {
                before.put(b.key(), b.contactUri());
            }
            return answerWhenDurable(context, aor, writer.register(aor, update.bindings()), update.outbound(),
                    update.bindings(), before);
        }
        return ProcessorResult.STOP;
    }

    private boolean addressesUs(String requestUriHost, String aorDomain) {
        String host = requestUriHost.toLowerCase(Locale.ROOT);
        return host.equals(aorDomain) || domains.isLocalDomain(host) || ownHost.isNamedBy(host);
    }

    private ProcessorResult answerWhenDurable(RequestContext context, AddressOfRecord aor,
            CompletableFuture<RegistrationOutcome> written, boolean outbound, List<Binding> requested,
            Map<String, String> before) {
        SipRequest request = context.request();
        return ProcessorResult.async(written.handle(Written::new), result -> {
            RegistrationOutcome outcome = result.outcome();
            Throwable error = result.error();
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                if (cause instanceof RejectedExecutionException) {
                    LOG.warn("Refused REGISTER for {} from {}: registrar overloaded ({})", aor, context.flow(),
                            cause.getMessage());
                    context.respond(context.responseBuilder(503, "Service Unavailable")
                            .add(HeaderName.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS)).build());
                } else {
                    // §10.3 step 7: a failed commit fails the request with 500
                    LOG.warn("REGISTER for {} from {} failed: bindings could not be saved", aor, context.flow());
                    context.respond(RegisterResponses.status(context, 500, "Bindings could not be saved"));
                }
                return ProcessorResult.STOP;
            }
            switch (outcome.status()) {
                case OUT_OF_ORDER -> {
                    LOG.info("Refused REGISTER for {} from {}: CSeq {} not higher than a binding's of Call-ID {}",
                            aor, context.flow(), request.cseq().number(), request.callId());
                    context.respond(RegisterResponses.status(context, 500, "Out of order REGISTER"));
                }
                case TOO_MANY_BINDINGS -> refuse(context, 403, "Too many contacts for this address-of-record",
                        context.flow(), aor.toString());
                case APPLIED -> {
                    Instant now = clock.instant();
                    logApplied(aor, requested, before, context.flow(), now);
                    logDropped(aor, requested, outcome.changes().removals(), now);
                    publish(outcome.changes(), now);
                    context.respond(RegisterResponses.ok(context, outcome.current(), now, echoedPath(request),
                            outbound));
                }
            }
            return ProcessorResult.STOP;
        });
    }

    /** What the binding writer answered: the outcome, or why it failed. */
    private record Written(RegistrationOutcome outcome, Throwable error) {
    }

    /** The bindings made durable: registered (new or refreshed) and unregistered ones; nothing built unheard. */
    private void publish(BindingChanges changes, Instant now) {
        if (events.hasListeners(SwitchboardEvent.Registered.class)) {
            for (Binding b : changes.upserts()) {
                events.publish(new SwitchboardEvent.Registered(now, b.aor().toString(), b.contactUri(),
                        (int) Math.max(0, Duration.between(now, b.expiresAt()).toSeconds())));
            }
        }
        if (events.hasListeners(SwitchboardEvent.Unregistered.class)) {
            for (Binding b : changes.removals()) {
                events.publish(new SwitchboardEvent.Unregistered(now, b.aor().toString(), b.contactUri(), false));
            }
        }
    }

    /**
     * New, replaced and removed bindings are logged at INFO, refreshes of a binding that was live at
     * DEBUG: a phone refreshes every few minutes, and a line per refresh would flood the log (and
     * cost a write per REGISTER) at thousands of registrations per second.
     *
     * @param before the contact URI of each binding key of the address-of-record before the change
     */
    private static void logApplied(AddressOfRecord aor, List<Binding> requested, Map<String, String> before,
            Flow flow, Instant now) {
        if (requested.isEmpty()) {
            LOG.info("Unregistered all contacts of {} ({} {})", aor, flow.transport(), Addresses.format(flow.remote()));
        }
        for (Binding b : requested) {
            if (!b.isLive(now)) {
                LOG.info("Unregistered {} at {} ({} {})", aor, b.contactUri(), flow.transport(),
                        Addresses.format(flow.remote()));
            } else if (!before.containsKey(b.key())) {
                LOG.info("Registered {} at {} ({} {}) for {} s", aor, b.contactUri(), flow.transport(),
                        Addresses.format(flow.remote()), RegisterResponses.remainingSeconds(b, now));
            } else if (!before.get(b.key()).equals(b.contactUri())) {
                LOG.info("Registered {} at {} ({} {}) for {} s, replacing {} of the same device {}", aor,
                        b.contactUri(), flow.transport(), Addresses.format(flow.remote()),
                        RegisterResponses.remainingSeconds(b, now), before.get(b.key()), b.instanceId());
            } else if (LOG.isDebugEnabled()) {
                LOG.debug("Refreshed {} at {} ({} {}) for {} s", aor, b.contactUri(), flow.transport(),
                        Addresses.format(flow.remote()), RegisterResponses.remainingSeconds(b, now));
            }
        }
    }

    /** Live bindings this REGISTER did not replace but the change removed: dropped to make room. */
    private static void logDropped(AddressOfRecord aor, List<Binding> requested, List<Binding> removals, Instant now) {
        for (Binding removed : removals) {
            if (removed.isLive(now) && requested.stream().noneMatch(b -> b.replaces(removed))) {
                LOG.info("Dropped contact {} of {}, the one expiring soonest, to make room for a new one",
                        removed.contactUri(), aor);
            }
        }
    }

    /** RFC 3327 §5.3: Path goes back only to a UA that said it supports it. */
    private static List<String> echoedPath(SipRequest request) {
        return RegisterParser.hasOptionTag(request, HeaderName.SUPPORTED, "path")
                ? request.headers().values(HeaderName.PATH) : List.of();
    }

    private static void refuse(RequestContext context, int status, String reason, Flow flow, String what) {
        LOG.info("Refused REGISTER for {} from {}: {} {}", what, flow, status, reason);
        context.respond(RegisterResponses.status(context, status, reason));
    }
}
