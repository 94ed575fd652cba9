package org.switchboard.pnp.subscribe;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.transport.Addresses;
import org.switchboard.core.transport.Flow;

/**
 * Decides what to answer to a request that arrived on the plug-and-play multicast group: nothing
 * for anything but a device ua-profile SUBSCRIBE, a bare 200 OK for a repeat, else the 200 OK and
 * the NOTIFY with the settings URL. Logs each answer for the admin.
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
        if (!recent.claim(s.mac())) {
            LOG.debug("PnP: repeated SUBSCRIBE from phone {} ({}) at {}: 200 OK only, settings URL already sent",
                    s.mac(), s.model(), Addresses.format(flow.remote()));
            return new PnpOutcome.Repeated(s, responder.acceptRepeat(request, s, server));
        }
        PnpAnswer answer = responder.answer(request, s, server, urls.settingsUrlFor(s, server.getAddress()));
        LOG.info("PnP: phone {} ({} {} firmware {}) at {} asked for its settings; sending NOTIFY to {}",
                s.mac(), s.vendor(), s.model(), s.firmwareVersion(), Addresses.format(flow.remote()), s.contact().uri());
        return new PnpOutcome.Answered(s, answer);
    }
}
