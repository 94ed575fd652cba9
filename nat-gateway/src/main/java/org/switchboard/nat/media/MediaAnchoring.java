package org.switchboard.nat.media;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipMessage;
import org.switchboard.core.message.SipParseException;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.spi.chain.ProcessorResult;
import org.switchboard.core.spi.chain.RequestContext;
import org.switchboard.core.spi.chain.RequestProcessor;
import org.switchboard.core.spi.chain.TargetProcessor;
import org.switchboard.core.spi.relay.RelayHook;
import org.switchboard.core.spi.route.Target;
import org.switchboard.core.transport.Addresses;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Flow;
import org.switchboard.nat.detect.NatDetector;
import org.switchboard.nat.detect.NatMode;
import org.switchboard.nat.detect.NatSettings;
import org.switchboard.nat.detect.PrivateAddresses;

/**
 * Decides which calls have their media anchored and rewrites their SDP as it is relayed. A call is
 * anchored, in mode {@code auto}, when its caller is behind a NAT (seen at the NAT stage, as the
 * Contact fix-up sees it), when a copy of its INVITE goes to a callee reached over its flow at
 * another address than its Contact (a NATed phone, seen at the target stage), or when the offer
 * names a private address; in mode {@code always} every call, in {@code never} none. The decision is
 * taken when the initial INVITE is relayed; from then on every SDP of the call (offers and answers,
 * in INVITE, re-INVITE, UPDATE, PRACK, ACK and their responses) is rewritten by the {@link
 * MediaRelay}, the side that sent it told by the From tag (RFC 3261 §12: the caller's tag is the
 * From tag of its requests and of the responses to them).
 *
 * <p>The address put in an SDP is the external address when one is set and of the family of the
 * phone it goes to, else the address of our SIP socket facing that phone (our Via's sent-by in a
 * request, the flow's local address for a response) or, for a socket on the wildcard address, our
 * address on the route to the phone; so an IPv6 phone gets an IPv6 relay address and an IPv4 phone
 * an IPv4 one (IPv4/IPv6 bridging).
 *
 * <p>Threading: called on the calls' shards; the hints are one small map under a lock. Never blocks: a
 * route lookup is a connect on a UDP socket, a system call that does not wait.
 */
public final class MediaAnchoring implements RequestProcessor, TargetProcessor, RelayHook {
    private static final Logger LOG = LoggerFactory.getLogger(MediaAnchoring.class);
    private static final String SDP = "application/sdp";
    /** Peers whose route source is kept. */
    private static final int ROUTES_REMEMBERED = 4096;

    private final MediaRelay relay;
    private final NatDetector detector;
    private final Supplier<NatSettings> nat;
    private final Supplier<RtpSettings> settings;
    private final Map<InetAddressFamily, InetAddress> fallback;
    private final RouteSource routes;
    /** Call-IDs of initial INVITEs with a phone behind NAT on either side, until relayed or forgotten. */
    private final Map<String, Boolean> natedCalls;

    /** Whether an address is IPv6; the key of the fallback addresses. */
    public enum InetAddressFamily {
        IPV4,
        IPV6;

        static InetAddressFamily of(InetAddress address) {
            return address instanceof Inet6Address ? IPV6 : IPV4;
        }
    }

    /**
     * @param fallback an address of this host per family, for a socket bound to the wildcard address
     * @param capacity the most calls whose NAT hint is kept before their INVITE is relayed
     */
    public MediaAnchoring(MediaRelay relay, NatDetector detector, Supplier<NatSettings> nat,
            Supplier<RtpSettings> settings, Map<InetAddressFamily, InetAddress> fallback, int capacity) {
        this.relay = relay;
        this.detector = detector;
        this.nat = nat;
        this.settings = settings;
        this.fallback = Map.copyOf(fallback);
        this.routes = new RouteSource(ROUTES_REMEMBERED);
        this.natedCalls = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** At the NAT stage: notes an initial INVITE from a phone behind NAT. */
    @Override
    public ProcessorResult process(RequestContext context) {
        SipRequest request = context.request();
        if (settings.get().relay() != NatMode.AUTO || !isInitialInvite(request)) {
            return ProcessorResult.CONTINUE;
        }
        try {
            if (callerNated(request, context.flow())) {
                hint(request.callId());
            }
        } catch (SipParseException e) {
            LOG.debug("INVITE from {}: no NAT hint for the RTP relay: {}", context.flow(), e.getMessage());
        }
        return ProcessorResult.CONTINUE;
    }

    private boolean callerNated(SipRequest request, Flow flow) {
        String domain = request.from().isSip() ? request.from().sipUri().host() : null;
        return switch (nat.get().modeFor(domain)) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> detector.isNated(request, flow);
        };
    }

    /**
     * At the target stage: notes a copy of an initial INVITE to a phone reached over its flow at
     * another address than its Contact (a phone behind NAT).
     */
    @Override
    public SipRequest copy(SipRequest copy, Target target, Destination hop) {
        if (target.flow() == null || settings.get().relay() != NatMode.AUTO || !isInitialInvite(copy)) {
            return copy;
        }
        SipUri uri = target.uri();
        InetSocketAddress publicAt = hop.address();
        boolean elsewhere = !uri.host().equalsIgnoreCase(Addresses.host(publicAt.getAddress()))
                || (uri.port() < 0 ? 5060 : uri.port()) != publicAt.getPort();
        if (elsewhere) {
            hint(copy.callId());
        }
        return copy;
    }

    @Override
    public SipRequest onRequest(SipRequest request, Destination hop) {
        try {
            MediaCall call = isInitialInvite(request) ? begin(request) : relay.find(request.callId());
            if (call == null) {
                return request;
            }
            byte[] sdp = rewritten(request, call, call.sender(request.from().tag()),
                    request.isMethod("ACK") || request.isMethod("PRACK"), hop.address().getAddress(),
                    viaAddress(request));
            return sdp == null ? request : request.toBuilder().body(sdp, contentType(request)).build();
        } catch (SipParseException | IllegalArgumentException e) {
            LOG.info("RTP relay: the SDP of {} {} is not rewritten: {}", request.method(), request.callId(),
                    e.getMessage());
            return request;
        }
    }

    @Override
    public SipResponse onResponse(SipResponse response, Flow toward) {
        MediaCall call = relay.find(response.callId());
        if (call == null) {
            return response;
        }
        try {
            String method = response.cseq().method();
            if (response.isSuccess() && method.equals("INVITE")) {
                relay.answered(response.callId());
            }
            byte[] sdp = rewritten(response, call, call.sender(response.from().tag()).other(),
                    method.equals("INVITE") || method.equals("UPDATE"), toward.remote().getAddress(),
                    toward.local().getAddress());
            return sdp == null ? response : response.toBuilder().body(sdp, contentType(response)).build();
        } catch (SipParseException | IllegalArgumentException e) {
            LOG.info("RTP relay: the SDP of {} {} {} is not rewritten: {}", response.statusCode(),
                    response.cseq().method(), response.callId(), e.getMessage());
            return response;
        }
    }

    /** Forgets a call's hint (it ended). */
    public void forget(String callId) {
        synchronized (natedCalls) {
            natedCalls.remove(callId);
        }
    }

    private MediaCall begin(SipRequest request) throws SipParseException {
        String callId = request.callId();
        MediaCall known = relay.find(callId);
        if (known != null) {
            return known; // another copy of a forked INVITE
        }
        boolean anchor = switch (settings.get().relay()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> hinted(callId) || offersPrivateAddress(request);
        };
        return anchor ? relay.begin(callId, request.from().tag()) : null;
    }

    private byte[] rewritten(SipMessage message, MediaCall call, Side from, boolean answer, InetAddress peer,
            InetAddress local) {
        if (!hasSdp(message)) {
            return null;
        }
        SessionDescription sdp = SessionDescription.parse(message.body());
        return relay.anchor(call, from, sdp, advertised(peer, local), answer);
    }

    /**
     * The address put in an SDP going to {@code peer}, from our socket at {@code local}: the
     * external address of the peer's family, else {@code local} when the peer can reach it (of its
     * family, not the wildcard, not a loopback address for a peer elsewhere), else our address on
     * the route to the peer, else an address of this host of its family.
     */
    InetAddress advertised(InetAddress peer, InetAddress local) {
        InetAddressFamily family = InetAddressFamily.of(peer);
        InetAddress external = settings.get().external();
        if (external != null && InetAddressFamily.of(external) == family) {
            return external;
        }
        if (local != null && !local.isAnyLocalAddress() && InetAddressFamily.of(local) == family
                && (!local.isLoopbackAddress() || peer.isLoopbackAddress())) {
            return local;
        }
        InetAddress routed = routes.toward(peer);
        if (routed != null && InetAddressFamily.of(routed) == family) {
            return routed;
        }
        InetAddress other = fallback.get(family);
        return other != null ? other : local;
    }

    /** Our Via's sent-by address when it is an IP address (no name is looked up on a shard). */
    private static InetAddress viaAddress(SipRequest request) {
        String host = request.topVia().host();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (!host.matches("[0-9A-Fa-f.:]+") || !(host.contains(":") || host.matches("[0-9.]+"))) {
            return null;
        }
        try {
            return InetAddress.getByName(host);
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    private boolean offersPrivateAddress(SipRequest request) {
        if (!hasSdp(request)) {
            return false;
        }
        for (SessionDescription.Stream stream : SessionDescription.parse(request.body()).streams()) {
            if (stream.address() != null && PrivateAddresses.isPrivate(stream.address())) {
                return true;
            }
        }
        return false;
    }

    private void hint(String callId) {
        synchronized (natedCalls) {
            natedCalls.put(callId, Boolean.TRUE);
        }
    }

    private boolean hinted(String callId) {
        synchronized (natedCalls) {
            return natedCalls.containsKey(callId);
        }
    }

    private static boolean isInitialInvite(SipRequest request) {
        try {
            return request.isMethod("INVITE") && request.to().tag() == null;
        } catch (SipParseException e) {
            return false;
        }
    }

    private static boolean hasSdp(SipMessage message) {
        String type = message.headers().firstValue(HeaderName.CONTENT_TYPE);
        return type != null && message.body().length > 0
                && type.trim().toLowerCase(Locale.ROOT).startsWith(SDP);
    }

    private static String contentType(SipMessage message) {
        return message.headers().firstValue(HeaderName.CONTENT_TYPE);
    }
}
