package org.switchboard.presence.plugin;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.spi.chain.ProcessorResult;
import org.switchboard.core.spi.chain.RequestContext;
import org.switchboard.core.spi.chain.RequestProcessor;
import org.switchboard.presence.subscription.DialogEvent;
import org.switchboard.presence.subscription.Notifier;
import org.switchboard.presence.subscription.NotifyRequests;
import org.switchboard.presence.subscription.SubscriberAddress;
import org.switchboard.presence.subscription.Subscription;
import org.switchboard.presence.subscription.SubscriptionKey;
import org.switchboard.presence.subscription.Subscriptions;

/**
 * The local stage's answer to a SUBSCRIBE within a subscription's dialog (RFC 6665 §4.2.1.2): a
 * refresh gets 200 with the new Expires and an immediate NOTIFY; Expires 0 ends the subscription
 * with a last NOTIFY, {@code terminated}. A SUBSCRIBE to our Contact for a dialog we do not know —
 * the server restarted (subscriptions live in memory), or it expired — gets 481, upon which the
 * phone starts a new subscription with a SUBSCRIBE outside the dialog (RFC 6665 §4.1.2.2: the
 * subscription is gone; snom phones then subscribe anew), so the lamps come back without an error.
 * SUBSCRIBEs of other dialogs pass on (the proxy forwards them).
 *
 * <p>Called on the request's shard; never blocks.
 */
final class InDialogSubscribe implements RequestProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(InDialogSubscribe.class);

    private final SubscribeAnswers answers;
    private final Subscriptions subscriptions;
    private final Notifier notifier;

    InDialogSubscribe(SubscribeAnswers answers, Subscriptions subscriptions, Notifier notifier) {
        this.answers = answers;
        this.subscriptions = subscriptions;
        this.notifier = notifier;
    }

    @Override
    public ProcessorResult process(RequestContext context) {
        SipRequest request = context.request();
        String toTag = request.to().tag();
        if (toTag == null || request.from().tag() == null || !DialogEvent.isDialogSubscribe(request)) {
            return ProcessorResult.CONTINUE;
        }
        Optional<Subscription> found = subscriptions.find(new SubscriptionKey(request.callId(), request.from().tag(),
                toTag));
        if (found.isEmpty()) {
            boolean sip = "sip".equalsIgnoreCase(request.requestUriScheme())
                    || "sips".equalsIgnoreCase(request.requestUriScheme());
            if (!sip || !NotifyRequests.CONTACT_USER.equals(request.sipRequestUri().user())) {
                return ProcessorResult.CONTINUE;
            }
            LOG.debug("Dialog events: refresh from {} for an unknown subscription (Call-ID {}); answered 481",
                    context.flow().remote(), request.callId());
            return ProcessorResult.stop(context.responseBuilder(481, "Subscription Does Not Exist").build());
        }
        SubscribeAnswers.Granted granted = answers.check(context);
        if (granted.refusal() != null) {
            return granted.refusal();
        }
        Optional<SubscriberAddress> address = answers.addressOf(context);
        if (address.isEmpty()) {
            return ProcessorResult.stop(context.responseBuilder(503, "No Route To Subscriber").build());
        }
        Subscription subscription = found.get();
        context.respond(answers.ok(context, address.get(), granted.seconds()));
        LOG.debug("Dialog events: {} refreshed for {} s", subscription, granted.seconds());
        subscriptions.refresh(subscription, answers.clock().instant().plus(Duration.ofSeconds(granted.seconds())),
                address.get()).ifPresent(notifier::send);
        return ProcessorResult.STOP;
    }
}
