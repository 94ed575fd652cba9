package org.switchboard.presence.plugin;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.NameAddr;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.spi.chain.ProcessorResult;
import org.switchboard.core.spi.chain.RequestContext;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Flow;
import org.switchboard.presence.subscription.DialogEvent;
import org.switchboard.presence.subscription.NotifyRequests;
import org.switchboard.presence.subscription.SubscriberAddress;

/**
 * What the two SUBSCRIBE processors share: the checks every dialog SUBSCRIBE gets (Accept,
 * Expires, Contact), the subscriber's address, and the 200 OK. Thread-safe.
 */
final class SubscribeAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(SubscribeAnswers.class);

    private final Supplier<PresenceSettings> settings;
    private final Clock clock;

    SubscribeAnswers(Supplier<PresenceSettings> settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }

    /** A granted lifetime in seconds, or the answer refusing the request. */
    record Granted(long seconds, ProcessorResult refusal) {
    }

    /**
     * RFC 6665 §4.2.1.1: 406 if the subscriber takes no dialog-info, 400 for a bad Expires or no
     * Contact, 423 with Min-Expires below the minimum; else the granted seconds.
     */
    Granted check(RequestContext context) {
        SipRequest request = context.request();
        if (!DialogEvent.acceptsDialogInfo(request)) {
            return refuse(context, 406, "Not Acceptable", "it accepts no application/dialog-info+xml");
        }
        if (request.contacts().isEmpty()) {
            return refuse(context, 400, "Missing Contact", "it has no Contact");
        }
        Long requested;
        try {
            requested = DialogEvent.requestedExpires(request);
        } catch (NumberFormatException e) {
            return refuse(context, 400, "Bad Expires", "its Expires is no number of seconds");
        }
        PresenceSettings current = settings.get();
        long granted = current.expiry().grant(requested);
        if (granted < 0) {
            LOG.info("Dialog events: SUBSCRIBE from {} asks for {} s, less than the minimum; answered 423",
                    context.flow().remote(), requested);
            return new Granted(-1, ProcessorResult.stop(context.responseBuilder(423, "Interval Too Brief")
                    .add(HeaderName.MIN_EXPIRES, Long.toString(current.minExpires().toSeconds())).build()));
        }
        return new Granted(granted, null);
    }

    private static Granted refuse(RequestContext context, int status, String reason, String why) {
        LOG.info("Dialog events: SUBSCRIBE from {} ({}) answered {}: {}", context.flow().remote(),
                context.request().from().uri(), status, why);
        return new Granted(-1, ProcessorResult.stop(context.responseBuilder(status, reason).build()));
    }

    /** Where this SUBSCRIBE's NOTIFYs go, or empty if there is no address of ours toward it. */
    Optional<SubscriberAddress> addressOf(RequestContext context) {
        Flow flow = context.flow();
        Optional<InetSocketAddress> local = ReplyAddress.toward(flow);
        if (local.isEmpty()) {
            return Optional.empty();
        }
        SipRequest request = context.request();
        List<String> routeSet = new ArrayList<>();
        for (NameAddr recordRoute : request.recordRoutes()) {
            routeSet.add(recordRoute.toString()); // RFC 3261 §12.1.1: in order, as the UAS
        }
        return Optional.of(new SubscriberAddress(request.contacts().get(0).uri(), routeSet,
                new Destination(flow.transport(), flow.remote(), flow.connectionId()), local.get()));
    }

    /**
     * RFC 6665 §4.2.1.1: 200 with the granted Expires and our Contact; its To tag (the transaction's,
     * for a new dialog) is the notifier's tag of the subscription.
     */
    SipResponse ok(RequestContext context, SubscriberAddress address, long seconds) {
        return context.responseBuilder(200, "OK")
                .add(HeaderName.CONTACT, NotifyRequests.contact(address.local(), address.destination().transport()))
                .add(HeaderName.EXPIRES, Long.toString(seconds)).build();
    }
}
