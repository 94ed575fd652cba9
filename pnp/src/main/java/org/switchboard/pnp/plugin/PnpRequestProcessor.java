package org.switchboard.pnp.plugin;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.plugin.SipServices;
import org.switchboard.core.spi.chain.ProcessorResult;
import org.switchboard.core.spi.chain.RequestContext;
import org.switchboard.core.spi.chain.RequestProcessor;
import org.switchboard.core.transport.Addresses;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;
import org.switchboard.pnp.inventory.DeviceInventory;
import org.switchboard.pnp.subscribe.PnpAnswer;
import org.switchboard.pnp.subscribe.PnpOutcome;
import org.switchboard.pnp.subscribe.PnpSubscribeHandler;
import org.switchboard.pnp.subscribe.PnpSubscribeParser;
import org.switchboard.pnp.subscribe.PnpSubscription;

/**
 * Answers plug-and-play SUBSCRIBEs, whether they came by multicast or unicast: the 200 OK through
 * the SUBSCRIBE's server transaction (so a retransmitted SUBSCRIBE is answered from there), then
 * the NOTIFY with the settings URL in a client transaction to the phone's Contact (RFC 6665
 * §4.2.2), which retransmits it until the phone answers. Between the two, the phone is recorded in
 * the {@link DeviceInventory} (off the event loop), so that the inventory knows it (and may
 * have assigned it) before the phone can fetch its settings; the NOTIFY is sent when that is done,
 * whether it succeeded or not (so at once if the blocking executor is saturated). A phone's later
 * SUBSCRIBE within the de-duplication window (a new transaction: it rebooted, or retried with a new
 * Call-ID) gets its 200 OK and NOTIFY too, at once, without being recorded again. Every other
 * request passes on.
 *
 * <p>Called on the request's shard; does not block (token signing and a routing look-up only; the
 * inventory records on the blocking executor).
 */
final class PnpRequestProcessor implements RequestProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(PnpRequestProcessor.class);

    private final PnpSubscribeParser parser;
    private final PnpSubscribeHandler handler;
    private final SipServices sip;
    private final DeviceInventory inventory;

    PnpRequestProcessor(PnpSubscribeParser parser, PnpSubscribeHandler handler, SipServices sip,
            DeviceInventory inventory) {
        this.parser = parser;
        this.handler = handler;
        this.sip = sip;
        this.inventory = inventory;
    }

    @Override
    public ProcessorResult process(RequestContext context) {
        SipRequest request = context.request();
        if (!parser.recognises(request)) {
            return ProcessorResult.CONTINUE;
        }
        Flow flow = context.flow();
        Optional<InetAddress> ourAddress = ReplyAddress.toward(flow);
        if (ourAddress.isEmpty()) {
            // RFC 3261 §21.5.4: we cannot serve it now; the phone retries
            LOG.warn("PnP: no route to the phone at {}, so no address to send it; answering 503",
                    Addresses.format(flow.remote()));
            context.respond(503, "No Route To Phone");
            return ProcessorResult.STOP;
        }
        InetSocketAddress server = new InetSocketAddress(ourAddress.get(), sip.port(flow.transport()));
        PnpOutcome outcome = handler.handle(request, flow, server);
        if (!(outcome instanceof PnpOutcome.Answered answered)) {
            return ProcessorResult.CONTINUE;
        }
        context.respond(answered.answer().ok());
        if (answered.recordPhone()) {
            recordThenNotify(answered.subscription(), answered.answer());
        } else {
            sendNotify(answered.subscription(), answered.answer());
        }
        return ProcessorResult.STOP;
    }

    private void recordThenNotify(PnpSubscription subscription, PnpAnswer answer) {
        inventory.recordSubscription(subscription).whenComplete((recorded, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (cause instanceof RejectedExecutionException) {
                    LOG.warn("PnP: server busy, phone {} is not recorded in the inventory this time",
                            subscription.mac());
                } else {
                    LOG.warn("PnP: could not record phone {} in the inventory: {}", subscription.mac(),
                            cause.getMessage());
                }
            }
            sendNotify(subscription, answer);
        });
    }

    /** The NOTIFY goes where its Request-URI (the phone's Contact) says, over the SUBSCRIBE's transport. */
    private void sendNotify(PnpSubscription subscription, PnpAnswer answer) {
        SipUri contact = subscription.contact().sipUri();
        InetAddress host = NetUtil.createInetAddressFromIpAddressString(contact.hostAddress());
        if (host == null) {
            // no DNS on an event loop; phones put their IP address in the Contact
            LOG.warn("PnP: phone {} gave Contact host {}, not an IP address; not sending the NOTIFY",
                    subscription.mac(), contact.host());
            return;
        }
        Transport transport = subscription.flow().transport();
        int port = contact.port() >= 0 ? contact.port() : transport.defaultPort();
        Destination destination = new Destination(transport, new InetSocketAddress(host, port),
                subscription.flow().connectionId());
        sip.sendRequest(answer.notifyRequest(), destination, new NotifyOutcome(subscription.mac()));
    }
}
