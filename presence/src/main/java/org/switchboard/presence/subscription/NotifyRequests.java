package org.switchboard.presence.subscription;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.Params;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.Via;
import org.switchboard.core.transaction.BranchGenerator;
import org.switchboard.core.transport.Addresses;
import org.switchboard.core.transport.Transport;
import org.switchboard.presence.dialog.DialogInfo;

/**
 * Builds the NOTIFY of a {@link Notification}: a request within the subscription's dialog, sent by
 * us as its notifier (RFC 6665 §4.2.2, RFC 3261 §12.2.1.1): Request-URI the subscriber's Contact,
 * Route from the route set, From the watched user with our tag, To the subscriber with its tag, the
 * dialog's Call-ID, the next CSeq, the Event repeated, Subscription-State, and the dialog-info
 * document. Thread-safe.
 */
public final class NotifyRequests {
    /** The user part of the Contact we give subscribers; their refreshes come back to it. */
    public static final String CONTACT_USER = "dialog-events";
    private static final int MAX_FORWARDS = 70;

    private final BranchGenerator branches = new BranchGenerator();

    /** The NOTIFY for {@code notification}. */
    public SipRequest build(Notification notification) {
        Subscription subscription = notification.subscription();
        SubscriberAddress address = notification.address();
        Transport transport = address.destination().transport();
        InetSocketAddress local = address.local();
        Via via = new Via(transport.viaName(), Addresses.host(local.getAddress()), local.getPort(), Params.EMPTY)
                .withParam("branch", branches.newBranch()).withParam("rport", null);
        SipRequest.Builder notify = SipRequest.builder(SipMethod.NOTIFY, address.remoteTarget())
                .add(HeaderName.VIA, via.toString());
        for (String route : address.routeSet()) {
            notify.add(HeaderName.ROUTE, route);
        }
        return notify.add(HeaderName.MAX_FORWARDS, Integer.toString(MAX_FORWARDS))
                .add(HeaderName.FROM, subscription.resourceAddress() + ";tag=" + subscription.key().notifierTag())
                .add(HeaderName.TO, subscription.subscriberAddress())
                .add(HeaderName.CALL_ID, subscription.key().callId())
                .add(HeaderName.CSEQ, notification.cseq() + " " + SipMethod.NOTIFY)
                .add(HeaderName.CONTACT, contact(local, transport))
                .add(HeaderName.EVENT, subscription.event())
                .add(HeaderName.SUBSCRIPTION_STATE, notification.subscriptionState())
                .body(notification.body().getBytes(StandardCharsets.UTF_8), DialogInfo.CONTENT_TYPE)
                .build();
    }

    /** Our Contact on this flow, for the 200 OK and the NOTIFYs. */
    public static String contact(InetSocketAddress local, Transport transport) {
        String uri = "sip:" + CONTACT_USER + "@" + Addresses.host(local.getAddress()) + ':' + local.getPort();
        if (transport != Transport.UDP) {
            uri += ";transport=" + transport.viaName().toLowerCase(Locale.ROOT);
        }
        return '<' + uri + '>';
    }
}
