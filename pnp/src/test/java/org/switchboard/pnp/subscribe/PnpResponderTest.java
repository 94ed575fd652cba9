package org.switchboard.pnp.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.message.Via;
import org.switchboard.core.transaction.BranchGenerator;

class PnpResponderTest {
    private static final InetSocketAddress SERVER = new InetSocketAddress("192.168.10.2", 5060);
    private static final String URL = "http://192.168.10.2:8080/provisioning/00041329882c.xml?token=abc";

    private final SipRequest subscribe = Subscribes.request(Subscribes.SNOM);
    private final PnpSubscription subscription =
            new PnpSubscribeParser().parse(subscribe, Subscribes.MULTICAST_FLOW).orElseThrow();
    private final PnpResponder responder = new PnpResponder(new BranchGenerator(), () -> "srvtag1");

    @Test
    void okCarriesNotifierTagContactAndExpiresZero() {
        SipResponse ok = responder.answer(subscribe, subscription, SERVER, URL).ok();

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.to().tag()).isEqualTo("srvtag1");
        assertThat(ok.from().tag()).isEqualTo("1023721533");
        assertThat(ok.header(HeaderName.CONTACT)).isEqualTo("<sip:192.168.10.2:5060>");
        assertThat(ok.header(HeaderName.EXPIRES)).isEqualTo("0");
        assertThat(ok.header(HeaderName.VIA)).isEqualTo("SIP/2.0/UDP 192.168.10.67:2055;rport");
        assertThat(ok.callId()).isEqualTo(subscribe.callId());
        assertThat(ok.cseq()).isEqualTo(subscribe.cseq());
        assertThat(ok.validate()).isNull();
    }

    @Test
    void notifyGoesToPhoneContactWithNotifierAsFromAndSubscriberAsTo() {
        SipRequest notify = responder.answer(subscribe, subscription, SERVER, URL).notifyRequest();

        assertThat(notify.method()).isEqualTo("NOTIFY");
        assertThat(notify.requestUri()).isEqualTo("sip:192.168.10.67:2055");
        assertThat(notify.from().uri()).isEqualTo(subscribe.to().uri());
        assertThat(notify.from().tag()).isEqualTo("srvtag1");
        assertThat(notify.to().uri()).isEqualTo(subscribe.from().uri());
        assertThat(notify.to().tag()).isEqualTo("1023721533");
        assertThat(notify.callId()).isEqualTo(subscribe.callId());
        assertThat(notify.cseq().method()).isEqualTo("NOTIFY");
        assertThat(notify.maxForwards()).isEqualTo(70);
        assertThat(notify.header(HeaderName.CONTACT)).isEqualTo("<sip:192.168.10.2:5060>");
    }

    @Test
    void notifyCarriesUrlAndEndsTheSubscription() {
        SipRequest notify = responder.answer(subscribe, subscription, SERVER, URL).notifyRequest();

        assertThat(notify.header(HeaderName.EVENT)).isEqualTo(subscribe.header(HeaderName.EVENT));
        assertThat(notify.header(HeaderName.SUBSCRIPTION_STATE)).isEqualTo("terminated;reason=timeout");
        assertThat(notify.header(HeaderName.CONTENT_TYPE)).isEqualTo("application/url");
        assertThat(new String(notify.body(), StandardCharsets.UTF_8)).isEqualTo(URL);
    }

    @Test
    void notifyHasOwnViaWithNewBranchAndRport() {
        SipRequest first = responder.answer(subscribe, subscription, SERVER, URL).notifyRequest();
        SipRequest second = responder.answer(subscribe, subscription, SERVER, URL).notifyRequest();

        Via via = first.topVia();
        assertThat(first.vias()).hasSize(1);
        assertThat(via.transport()).isEqualTo("UDP");
        assertThat(via.host()).isEqualTo("192.168.10.2");
        assertThat(via.port()).isEqualTo(5060);
        assertThat(via.hasRport()).isTrue();
        assertThat(via.hasRfc3261Branch()).isTrue();
        assertThat(second.topVia().branch()).isNotEqualTo(via.branch());
    }

    @Test
    void notifySurvivesEncodingAsAValidRequest() {
        SipRequest notify = responder.answer(subscribe, subscription, SERVER, URL).notifyRequest();

        SipRequest reparsed = Subscribes.request(new String(notify.encode(), StandardCharsets.UTF_8));

        assertThat(reparsed.validate()).isNull();
        assertThat(reparsed.header(HeaderName.CONTENT_LENGTH)).isEqualTo(Integer.toString(URL.length()));
    }
}
