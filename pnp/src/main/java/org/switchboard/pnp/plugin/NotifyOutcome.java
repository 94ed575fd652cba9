package org.switchboard.pnp.plugin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.transaction.ClientTransaction;
import org.switchboard.core.transaction.ClientTransactionListener;
import org.switchboard.core.transport.InboundMessage;
import org.switchboard.pnp.MacAddress;

/**
 * Logs what became of one plug-and-play NOTIFY: accepted, refused, unanswered or unsendable. The
 * client transaction retransmits it meanwhile (RFC 3261 §17.1.2.2); nothing is retried beyond
 * that, since the phone repeats its SUBSCRIBE if it got no URL. Called on the transaction's shard.
 */
final class NotifyOutcome implements ClientTransactionListener {
    private static final Logger LOG = LoggerFactory.getLogger(NotifyOutcome.class);

    private final MacAddress mac;

    NotifyOutcome(MacAddress mac) {
        this.mac = mac;
    }

    @Override
    public void onResponse(ClientTransaction transaction, InboundMessage response) {
        int status = ((SipResponse) response.message()).statusCode();
        if (status < 200) {
            return;
        }
        if (status < 300) {
            LOG.info("PnP: phone {} at {} accepted the settings URL ({}); it fetches its settings next", mac,
                    transaction.destination(), status);
        } else {
            LOG.warn("PnP: phone {} at {} refused the NOTIFY with the settings URL: {} {}", mac,
                    transaction.destination(), status, ((SipResponse) response.message()).reasonPhrase());
        }
    }

    @Override
    public void onTimeout(ClientTransaction transaction) {
        LOG.warn("PnP: phone {} at {} did not answer the NOTIFY with the settings URL; it will ask again "
                + "when it retries plug-and-play", mac, transaction.destination());
    }

    @Override
    public void onTransportError(ClientTransaction transaction, Throwable cause) {
        LOG.warn("PnP: could not send the NOTIFY with the settings URL to phone {} at {}: {}", mac,
                transaction.destination(), cause.toString());
    }

    @Override
    public void onTerminated(ClientTransaction transaction) {
        // every outcome was logged when it happened; nothing is kept per NOTIFY
    }
}
