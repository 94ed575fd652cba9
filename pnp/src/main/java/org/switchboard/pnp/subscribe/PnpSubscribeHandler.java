package org.switchboard.pnp.subscribe;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.transport.Addresses;
import org.switchboard.core.transport.Flow;

/**
 * Decides what to answer to a plug-and-play request: nothing for anything but a device ua-profile
 * SUBSCRIBE, else the 200 OK and the NOTIFY with the settings URL. Every such SUBSCRIBE is a new
 * server transaction (retransmissions of one are absorbed by the transaction layer before they get
 * here), so every one gets its NOTIFY; only the inventory work is skipped for a phone that asked
 * within the de-duplication window (a phone rebooting, or retrying with a new Call-ID). Logs each
 * answer for the admin.
 *
 * <p>Does no I/O itself; the caller sends what the {@link PnpOutcome} holds. Thread-safe if the
 * {@link SettingsUrls} given is; must not block, as long as that does not.
 */
public final class PnpSubscribeHandler {
    private static final Logger LOG = LoggerFactory.getLogger(PnpSubscribeHandler.class);

    private final PnpSubscribeParser parser;
    private final RecentSubscriptions recent;
    private final PnpResponder responder;
    private final SettingsUrls urls;

    public PnpSubscribeHandler(PnpSubscribeParser parser, RecentSubscriptions recent, PnpResponder responder,
            SettingsUrls urls) {
        this.parser = parser;
        this.recent = recent;
        this.responder = responder;
        this.urls = urls;
    }

    /**
     * @param request the request as received
     * @param flow how it arrived
     * @param server our SIP address on the interface it arrived on, as the phone can reach it
     */
    public PnpOutcome handle(SipRequest request, Flow flow, InetSocketAddress server) {
        Optional<PnpSubscription> parsed = parser.parse(request, flow);
        if (parsed.isEmpty()) {
            LOG.debug("PnP: ignoring {} from {}: not a ua-profile device SUBSCRIBE accepting application/url",
                    request.method(), Addresses.format(flow.remote()));
            return new PnpOutcome.Ignored();
        }
        PnpSubscription s = parsed.get();
        boolean first = recent.claim(s.mac());
        PnpAnswer answer = responder.answer(request, s, server, urls.settingsUrlFor(s, server.getAddress()));
        if (first) {
            LOG.info("PnP: phone {} ({} {} firmware {}) at {} asked for its settings; sending NOTIFY to {}",
                    s.mac(), s.vendor(), s.model(), s.firmwareVersion(), Addresses.format(flow.remote()),
                    s.contact().uri());
        } else {
            LOG.debug("PnP: phone {} ({}) at {} asked again within the repeat window; sending NOTIFY to {}",
                    s.mac(), s.model(), Addresses.format(flow.remote()), s.contact().uri());
        }
        return new PnpOutcome.Answered(s, answer, first);
    }
}
