package org.switchboard.presence.plugin;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.spi.chain.ProcessorResult;
import org.switchboard.core.spi.chain.RequestContext;
import org.switchboard.core.spi.chain.RequestProcessor;
import org.switchboard.core.spi.service.UserAccounts;
import org.switchboard.core.spi.store.User;
import org.switchboard.presence.subscription.Admission;
import org.switchboard.presence.subscription.DialogEvent;
import org.switchboard.presence.subscription.Notifier;
import org.switchboard.presence.subscription.SubscriberAddress;
import org.switchboard.presence.subscription.Subscription;
import org.switchboard.presence.subscription.SubscriptionKey;
import org.switchboard.presence.subscription.Subscriptions;

/**
 * The route stage's answer to a new SUBSCRIBE for the dialog events of a user (RFC 4235 with RFC
 * 6665 §4.2.1): we are the notifier for the users of our domains, so it is not forwarded (one for
 * another domain is, as before; the accounts are asked on the blocking executor). It runs after the
 * proxy's authentication, which challenged the subscriber like any request from our domains; only a
 * user of the watched user's own domain may watch (RFC 4235 §8: dialog state is private; 403
 * otherwise), and only a user that exists and is enabled (404). Then the
 * bounds (403 for a subscriber at its own limit, 503 with Retry-After at the server's), the 200 OK,
 * and at once the first NOTIFY with the full state.
 *
 * <p>Called on the request's shard; never blocks.
 */
final class InitialDialogSubscribe implements RequestProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(InitialDialogSubscribe.class);
    private static final int RETRY_AFTER_SECONDS = 60;

    private final SubscribeAnswers answers;
    private final Subscriptions subscriptions;
    private final Notifier notifier;
    private final UserAccounts users;
    private final Executor blocking;

    InitialDialogSubscribe(SubscribeAnswers answers, Subscriptions subscriptions, Notifier notifier,
            UserAccounts users, Executor blocking) {
        this.answers = answers;
        this.subscriptions = subscriptions;
        this.notifier = notifier;
        this.users = users;
        this.blocking = blocking;
    }

    @Override
    public ProcessorResult process(RequestContext context) {
        SipRequest request = context.request();
        if (request.to().tag() != null || !DialogEvent.isDialogSubscribe(request)
                || !"sip".equalsIgnoreCase(request.requestUriScheme())
                && !"sips".equalsIgnoreCase(request.requestUriScheme())) {
            return ProcessorResult.CONTINUE;
        }
        SipUri uri = request.sipRequestUri();
        if (uri.user() == null) {
            return ProcessorResult.CONTINUE;
        }
        AddressOfRecord resource = AddressOfRecord.of(uri);
        try {
            return ProcessorResult.async(CompletableFuture.supplyAsync(() -> lookUp(resource), blocking),
                    found -> decide(context, resource, found));
        } catch (RejectedExecutionException e) {
            LOG.warn("Dialog events: blocking executor saturated; SUBSCRIBE for {} answered 503", resource);
            return busy(context);
        }
    }

    /** What the accounts know of the watched address: not one of our domains, no such user, or a user. */
    private enum Resource {
        OTHER_DOMAIN, NO_USER, USER
    }

    /** Blocking: the domain and the user in the accounts. */
    private Resource lookUp(AddressOfRecord resource) {
        if (users.domains().stream().noneMatch(d -> d.name().equalsIgnoreCase(resource.host()))) {
            return Resource.OTHER_DOMAIN;
        }
        return users.user(resource.host(), resource.user()).filter(User::enabled).isPresent() ? Resource.USER
                : Resource.NO_USER;
    }

    /** On the shard: a SUBSCRIBE for another domain is forwarded; for ours, answered here. */
    private ProcessorResult decide(RequestContext context, AddressOfRecord resource, Resource found) {
        if (found == Resource.OTHER_DOMAIN) {
            return ProcessorResult.CONTINUE;
        }
        SipRequest request = context.request();
        AddressOfRecord watcher = context.authenticatedCaller();
        if (watcher == null || !watcher.host().equals(resource.host())) {
            LOG.info("Dialog events: SUBSCRIBE for {} from {} ({}) refused: only users of {} may watch its users",
                    resource, request.from().uri(), context.flow().remote(), resource.host());
            return ProcessorResult.stop(context.responseBuilder(403, "Only Users Of This Domain May Watch").build());
        }
        if (found == Resource.NO_USER) {
            return ProcessorResult.stop(context.responseBuilder(404, "Not Found").build());
        }
        SubscribeAnswers.Granted granted = answers.check(context);
        if (granted.refusal() != null) {
            return granted.refusal();
        }
        return accept(context, watcher, resource, granted.seconds());
    }

    private ProcessorResult accept(RequestContext context, AddressOfRecord watcher, AddressOfRecord resource,
            long seconds) {
        Admission admission = subscriptions.admit(watcher);
        if (admission == Admission.USER_LIMIT) {
            LOG.warn("Dialog events: {} holds {} subscriptions, the most one user may; SUBSCRIBE for {} refused",
                    watcher, subscriptions.countOf(watcher), resource);
            return ProcessorResult.stop(context.responseBuilder(403, "Too Many Subscriptions").build());
        }
        if (admission == Admission.TOTAL_LIMIT) {
            LOG.warn("Dialog events: {} subscriptions, the most the server keeps; SUBSCRIBE of {} for {} refused",
                    subscriptions.size(), watcher, resource);
            return busy(context);
        }
        Optional<SubscriberAddress> address = answers.addressOf(context);
        if (address.isEmpty()) {
            return ProcessorResult.stop(context.responseBuilder(503, "No Route To Subscriber").build());
        }
        SipRequest request = context.request();
        SipResponse ok = answers.ok(context, address.get(), seconds);
        context.respond(ok);
        SubscriptionKey key = new SubscriptionKey(request.callId(), request.from().tag(), ok.to().tag());
        Subscription subscription = new Subscription(key, watcher, resource, request.from().toString(),
                request.to().toString(), request.header(HeaderName.EVENT), address.get(),
                answers.clock().instant().plus(Duration.ofSeconds(seconds)));
        LOG.debug("Dialog events: {} for {} s", subscription, seconds);
        notifier.send(subscriptions.add(subscription));
        return ProcessorResult.STOP;
    }

    private static ProcessorResult busy(RequestContext context) {
        return ProcessorResult.stop(context.responseBuilder(503, "Service Unavailable")
                .add(HeaderName.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS)).build());
    }
}
