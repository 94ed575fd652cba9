package org.switchboard.pnp.subscribe;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.NameAddr;
import org.switchboard.core.message.Params;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.message.Via;
import org.switchboard.core.transaction.BranchGenerator;
import org.switchboard.core.transport.Addresses;
import org.switchboard.core.transport.Transport;

/**
 * Builds the notifier's messages for a plug-and-play SUBSCRIBE: the 200 OK that accepts it and the
 * single NOTIFY that delivers the settings URL as an {@code application/url} body and ends the
 * subscription at once, as snom's plug-and-play expects. Pure: it builds messages and sends nothing.
 *
 * <p>Thread-safe.
 */
public final class PnpResponder {
    /** A fresh NOTIFY request goes at most this many hops (RFC 3261 §8.1.1.6). */
    static final int MAX_FORWARDS = 70;
    private static final int TAG_BYTES = 8;

    private final BranchGenerator branches;
    private final Supplier<String> tags;

    /** A responder with random Via branches and random To tags. */
    public PnpResponder() {
        this(new BranchGenerator(), randomTags());
    }

    /**
     * @param branches makes the NOTIFY's Via branch
     * @param tags makes the notifier's dialog tag (RFC 3261 §19.3: globally unique, random)
     */
    public PnpResponder(BranchGenerator branches, Supplier<String> tags) {
        this.branches = Objects.requireNonNull(branches);
        this.tags = Objects.requireNonNull(tags);
    }

    private static Supplier<String> randomTags() {
        SecureRandom random = new SecureRandom();
        return () -> {
            byte[] b = new byte[TAG_BYTES];
            random.nextBytes(b);
            return HexFormat.of().formatHex(b);
        };
    }

    /**
     * The 200 OK and the NOTIFY for one subscription, sharing the notifier's tag.
     *
     * @param subscribe the SUBSCRIBE as received
     * @param subscription what {@link PnpSubscribeParser} made of it
     * @param server our SIP address as the phone can reach it (the interface the SUBSCRIBE came in
     *     on, not the multicast group), for Contact and the NOTIFY's Via
     * @param settingsUrl the URL the phone is to fetch, the NOTIFY's body
     */
    public PnpAnswer answer(SipRequest subscribe, PnpSubscription subscription, InetSocketAddress server,
            String settingsUrl) {
        String tag = tags.get();
        Transport transport = subscription.flow().transport();
        return new PnpAnswer(ok(subscribe, tag, server, transport),
                notify(subscribe, subscription, tag, server, transport, settingsUrl));
    }

    /**
     * RFC 6665 §4.2.1.1: a 200 accepts the subscription; Expires 0 says it ends right away, since
     * the one NOTIFY carries the whole answer. RFC 3261 §12.1.1: the dialog-creating response has
     * a To tag and a Contact.
     */
    private static SipResponse ok(SipRequest subscribe, String tag, InetSocketAddress server, Transport transport) {
        return SipResponse.builderFor(subscribe, 200, "OK")
                .toTag(tag)
                .add(HeaderName.CONTACT, contactOf(server, transport))
                .add(HeaderName.EXPIRES, "0")
                .build();
    }

    /**
     * RFC 6665 §4.2.2 and RFC 3261 §12.2.1.1: the NOTIFY is a request within the dialog the
     * SUBSCRIBE created, sent by the notifier. So its From is the SUBSCRIBE's To with our tag, its
     * To is the SUBSCRIBE's From (with the phone's tag), and its Request-URI is the phone's Contact.
     * (One published trace swaps From and To; a snom phone's own capture shows this RFC form
     * answered with 200.) The Event header is copied (RFC 6665 §4.2.2), and the subscription ends
     * with this NOTIFY ({@code terminated;reason=timeout}, RFC 6665 §4.1.3, as the Expires was 0).
     */
    private SipRequest notify(SipRequest subscribe, PnpSubscription subscription, String tag,
            InetSocketAddress server, Transport transport, String settingsUrl) {
        NameAddr from = subscribe.to().withParam("tag", tag);
        Via via = new Via(transport.viaName(), Addresses.host(server.getAddress()), server.getPort(),
                Params.EMPTY)
                .withParam("branch", branches.newBranch())
                .withParam("rport", null);
        return SipRequest.builder(SipMethod.NOTIFY, subscription.contact().uri())
                .add(HeaderName.VIA, via.toString())
                .add(HeaderName.MAX_FORWARDS, Integer.toString(MAX_FORWARDS))
                .add(HeaderName.FROM, from.toString())
                .add(HeaderName.TO, subscribe.from().toString())
                .add(HeaderName.CALL_ID, subscribe.callId())
                .add(HeaderName.CSEQ, "1 " + SipMethod.NOTIFY)
                .add(HeaderName.CONTACT, contactOf(server, transport))
                .add(HeaderName.EVENT, subscribe.header(HeaderName.EVENT))
                .add(HeaderName.SUBSCRIPTION_STATE, "terminated;reason=timeout")
                .body(settingsUrl.getBytes(StandardCharsets.UTF_8), "application/url")
                .build();
    }

    private static String contactOf(InetSocketAddress server, Transport transport) {
        String uri = "sip:" + Addresses.host(server.getAddress()) + ':' + server.getPort();
        if (transport != Transport.UDP) {
            uri += ";transport=" + transport.viaName().toLowerCase(Locale.ROOT);
        }
        return '<' + uri + '>';
    }
}
