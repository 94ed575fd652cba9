package org.switchboard.presence.subscription;

import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.SipMessage;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.plugin.SipServices;
import org.switchboard.core.transaction.ClientTransaction;
import org.switchboard.core.transaction.ClientTransactionListener;
import org.switchboard.core.transport.InboundMessage;

/**
 * Sends NOTIFYs, each in its own client transaction (retransmitted over UDP until answered, RFC
 * 3261 §17.1.2), and reports each outcome to {@link Subscriptions#answered}: a 2xx keeps the
 * subscription; 481 (the subscriber knows no such dialog), 408, no answer at all or a transport
 * failure end it (RFC 6665 §4.2.2); another failure keeps it, as the subscriber may only be
 * overloaded. Thread-safe; never blocks.
 */
public final class Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final SipServices sip;
    private final Subscriptions subscriptions;
    private final NotifyRequests requests = new NotifyRequests();

    public Notifier(SipServices sip, Subscriptions subscriptions) {
        this.sip = sip;
        this.subscriptions = subscriptions;
    }

    /** Sends every NOTIFY now due. */
    public void sendDue() {
        for (Notification notification : subscriptions.due()) {
            send(notification);
        }
    }

    /** Sends one NOTIFY. */
    public void send(Notification notification) {
        BiConsumer<Boolean, String> outcome = (keep, why) -> {
            if (!keep) {
                LOG.info("Dialog events: NOTIFY to {} failed ({}); subscription of {} ended",
                        notification.address().remoteTarget(), why, notification.subscription());
            }
            subscriptions.answered(notification, keep);
        };
        try {
            sip.sendRequest(requests.build(notification), notification.address().destination(),
                    new ClientTransactionListener() {
                        @Override
                        public void onResponse(ClientTransaction transaction, InboundMessage response) {
                            SipMessage message = response.message();
                            if (message instanceof SipResponse answer && answer.isFinal()) {
                                int status = answer.statusCode();
                                outcome.accept(status < 300 || status != 481 && status != 408,
                                        status + " " + answer.reasonPhrase());
                            }
                        }

                        @Override
                        public void onTimeout(ClientTransaction transaction) {
                            outcome.accept(false, "no answer");
                        }

                        @Override
                        public void onTransportError(ClientTransaction transaction, Throwable cause) {
                            outcome.accept(false, cause.toString());
                        }

                        @Override
                        public void onTerminated(ClientTransaction transaction) {
                            // the outcome came through one of the above
                        }
                    });
        } catch (IllegalStateException e) {
            outcome.accept(false, "the SIP stack is not running");
        }
    }
}
