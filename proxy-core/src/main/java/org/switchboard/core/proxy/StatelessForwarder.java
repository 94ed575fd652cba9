package org.switchboard.core.proxy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipParseException;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.message.Via;
import org.switchboard.core.spi.route.DomainCatalog;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.InboundMessage;
import org.switchboard.core.transport.SipSender;
import org.switchboard.core.transport.Transport;

/**
 * Forwards what has no transaction: the ACK for a 2xx, routed by its Route set like any in-dialog
 * request (RFC 3261 §16.4, §16.6; its branch derived from the received one so that
 * retransmissions keep it, §16.11), and 2xx responses to INVITE that outlived their client
 * transaction (§16.7 step 5, RFC 6026 §7.2), sent on by the next Via. An ACK that targets this
 * server (one of our listen points or one of our domains, with no Route left) matches nothing here
 * and is absorbed without a DNS query; one whose next hop turns out to be one of our listen points
 * is dropped rather than sent back to us, and so is one from an untrusted source whose next hop is
 * another port of this host where no registered phone is ({@link OwnHostHops}): an ACK is never
 * authenticated, and cannot be answered with 403 (no response is ever sent to an ACK, §17), so it
 * is dropped.
 *
 * <p>Threading: called on the message's shard; never blocks (next hops by name are resolved on the
 * DNS executor, and the send happens from there).
 */
final class StatelessForwarder implements StrayMessageHandler {
    private static final Logger LOG = LoggerFactory.getLogger(StatelessForwarder.class);

    private final LocalAddresses local;
    private final DomainCatalog domains;
    private final LocalEndpoints endpoints;
    private final NextHops nextHops;
    private final UnavailableHosts unavailable;
    private final OwnHostHops ownHost;
    private final SenderTrust trust;
    private final SipSender sender;
    private final RelayPoint relay;

    StatelessForwarder(LocalAddresses local, DomainCatalog domains, LocalEndpoints endpoints, NextHops nextHops,
            UnavailableHosts unavailable, OwnHostHops ownHost, SenderTrust trust, SipSender sender,
            RelayPoint relay) {
        this.relay = relay;
        this.local = local;
        this.domains = domains;
        this.endpoints = endpoints;
        this.nextHops = nextHops;
        this.unavailable = unavailable;
        this.ownHost = ownHost;
        this.trust = trust;
        this.sender = sender;
    }

    @Override
    public void onAck(InboundMessage inbound) {
        SipRequest ack = (SipRequest) inbound.message();
        try {
            if (!"sip".equals(ack.requestUriScheme()) && !"sips".equals(ack.requestUriScheme())) {
                return;
            }
            if (ack.maxForwards() == 0) {
                LOG.debug("Dropping ACK with Max-Forwards 0 (Call-ID {})", ack.callId());
                return;
            }
            SipRequest routed = RoutePreprocessor.preprocess(ack, local);
            if (routed.headers().values(HeaderName.ROUTE).isEmpty() && targetsUs(routed.sipRequestUri())) {
                // for a 2xx this server sent itself, or for nothing: no dialog of ours ends here
                LOG.debug("Absorbed ACK for {} matching no transaction from {} (Call-ID {})", routed.requestUri(),
                        inbound.flow().remote(), ack.callId());
                return;
            }
            String branch = derivedBranch(ack.topVia().branch());
            boolean vouched = trust.isTrusted(inbound.flow().remote().getAddress());
            nextHops.of(routed).whenComplete((hops, error) -> {
                List<Destination> usable = error == null ? usable(hops, vouched, inbound) : List.of();
                Destination hop = firstAvailable(usable);
                if (hop == null) {
                    if (error != null || usable.size() == hops.size()) {
                        LOG.info("No next hop for ACK to {} (Call-ID {})", routed.requestUri(), ack.callId());
                    }
                    return;
                }
                sender.sendRequest(relay.request(copy(routed, inbound.flow(), hop, branch), hop), hop,
                        SendFailureLog.of("ACK", ack.callId()));
            });
        } catch (SipParseException e) {
            LOG.debug("Dropping malformed ACK from {}: {}", inbound.flow().remote(), e.getMessage());
        }
    }

    private boolean targetsUs(SipUri uri) {
        return local.isLocal(uri) || domains.isLocalDomain(uri.host());
    }

    /** The hops this ACK may go to ({@link OwnHostHops}); each refused one is logged at debug level. */
    private List<Destination> usable(List<Destination> hops, boolean vouched, InboundMessage inbound) {
        SipRequest ack = (SipRequest) inbound.message();
        List<Destination> usable = new ArrayList<>(hops.size());
        for (Destination hop : hops) {
            int refused = ownHost.refusal(hop, vouched);
            if (refused == OwnHostHops.ALLOWED) {
                usable.add(hop);
            } else {
                LOG.debug("Dropping ACK from {} to {} at {} (Call-ID {}): {}", inbound.flow().remote(),
                        ack.requestUri(), hop, ack.callId(), OwnHostHops.why(refused));
            }
        }
        return usable;
    }

    private Destination firstAvailable(List<Destination> hops) {
        for (Destination hop : hops) {
            if (unavailable.statusOf(hop) == 0) {
                return hop;
            }
        }
        return null;
    }

    private SipRequest copy(SipRequest ack, Flow inbound, Destination hop, String branch) {
        int maxForwards = ack.maxForwards();
        return ack.toBuilder()
                .maxForwards(maxForwards < 0 ? 70 : maxForwards - 1)
                .addFirst(HeaderName.VIA, "SIP/2.0/" + hop.transport().viaName() + " "
                        + endpoints.sentBy(hop.transport(), hop.address(), inbound) + ";branch=" + branch)
                .build();
    }

    /** The same ACK retransmitted gets the same branch (§16.11), and different ACKs different ones. */
    private static String derivedBranch(String received) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("ACK " + received).getBytes(StandardCharsets.UTF_8));
            return Via.MAGIC_COOKIE + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    @Override
    public void onStrayResponse(InboundMessage inbound) {
        SipResponse response = (SipResponse) inbound.message();
        try {
            if (!response.isSuccess() || !SipMethod.INVITE.equals(response.cseq().method())) {
                LOG.debug("Dropping stray {} from {} (Call-ID {})", response.statusCode(), inbound.flow().remote(),
                        response.callId());
                return;
            }
            List<Via> vias = response.vias();
            if (vias.size() < 2 || !local.isLocal(SipUri.of(null, vias.get(0).host(), vias.get(0).port()))) {
                LOG.debug("Dropping stray 2xx not sent through this server (Call-ID {})", response.callId());
                return;
            }
            Via next = vias.get(1);
            Transport transport = Transport.fromName(next.transport());
            if (transport == null) {
                return;
            }
            SipResponse upstream = response.toBuilder().removeFirstValue(HeaderName.VIA).build();
            // the response is routed by its Via (§18.2.2); the flow only names transport and local socket
            Flow flow = new Flow(transport, inbound.flow().local(), inbound.flow().remote(), 0);
            sender.sendResponse(relay.response(upstream, flow), flow, SendFailureLog.of("stray 2xx", response.callId()));
        } catch (SipParseException e) {
            LOG.debug("Dropping malformed stray response from {}: {}", inbound.flow().remote(), e.getMessage());
        }
    }
}
