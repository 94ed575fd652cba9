package org.switchboard.dialplan.trunks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.spi.event.SwitchboardEvent;
import org.switchboard.core.spi.route.Target;
import org.switchboard.core.spi.store.StoredTrunk;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;

class TrunkCallsTest {
    private static final HeaderName PAI = HeaderName.of("P-Asserted-Identity");
    private static final Trunk ITSP = new Trunk(new StoredTrunk("itsp", "example.com", "127.0.0.1", 5070, "udp", "acc",
            "pw", null, null, "4930123456", "both", false, 3600), List.of(InetAddress.getLoopbackAddress()));
    private static final Destination TRUNK_HOP = Destination.of(Transport.UDP, new InetSocketAddress("127.0.0.1", 5070));
    private static final Flow CALLER = new Flow(Transport.UDP, new InetSocketAddress("127.0.0.1", 5060),
            new InetSocketAddress("127.0.0.1", 40000), 0);
    private static final Flow TOWARD_TRUNK = new Flow(Transport.UDP, new InetSocketAddress("127.0.0.1", 5060),
            new InetSocketAddress("127.0.0.1", 5070), 0);

    private final TrunkCalls calls = new TrunkCalls(() -> new TrunkDirectory(List.of(ITSP)), 100);

    private static SipRequest request(String method, String toTag, long cseq) {
        return SipRequest.builder(method, "sip:004930123@127.0.0.1:5070")
                .add(HeaderName.VIA, "SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKa")
                .add(HeaderName.FROM, "\"Alice\" <sip:201@example.com>;tag=a1")
                .add(HeaderName.TO, "<sip:004930123@example.com>" + (toTag == null ? "" : ";tag=" + toTag))
                .add(HeaderName.CALL_ID, "call-1").add(HeaderName.CSEQ, cseq + " " + method).build();
    }

    @Test
    void anInitialRequestToTheTrunkPresentsTheExternalNumberInFromAndAssertedIdentity() {
        SipRequest out = calls.copy(request(SipMethod.INVITE, null, 1), ITSP.target("004930123"), TRUNK_HOP);

        assertThat(out.from().toString()).isEqualTo("\"Alice\" <sip:4930123456@127.0.0.1>;tag=a1");
        assertThat(out.header(PAI)).isEqualTo("\"Alice\" <sip:4930123456@127.0.0.1>");
    }

    @Test
    void otherTargetsAndInDialogRequestsKeepTheirIdentityAndGetNoCredentials() {
        SipRequest invite = request(SipMethod.INVITE, null, 1);
        Target phone = Target.of(SipUri.parse("sip:202@127.0.0.1:40002"));

        assertThat(calls.copy(invite, phone, TRUNK_HOP)).isSameAs(invite);
        SipRequest bye = request(SipMethod.BYE, "t1", 2);
        assertThat(calls.copy(bye, ITSP.target("004930123"), TRUNK_HOP)).isSameAs(bye);
        assertThat(calls.answerChallenge(invite, challenge(invite), phone, TRUNK_HOP)).isNull();
    }

    @Test
    void answersTheTrunksChallengeWithTheNextCseqAndShiftsTheDialogTowardTheTrunkOnly() {
        SipRequest invite = request(SipMethod.INVITE, null, 1);

        SipRequest again = calls.answerChallenge(invite, challenge(invite), ITSP.target("004930123"), TRUNK_HOP);

        assertThat(again.cseq().number()).isEqualTo(2);
        assertThat(again.callId()).isEqualTo("call-1");
        assertThat(again.header(HeaderName.PROXY_AUTHORIZATION)).startsWith("Digest username=\"acc\", realm=\"itsp\"");
        SipResponse ok = SipResponse.builderFor(again, 200, "OK").toTag("t1").build();
        assertThat(calls.onResponse(ok, CALLER).cseq().number()).as("the caller's INVITE was 1").isEqualTo(1);

        SipRequest ack = calls.onRequest(request(SipMethod.ACK, "t1", 1), TRUNK_HOP);
        assertThat(ack.cseq().number()).isEqualTo(2);
        SipRequest byeFromTrunk = byeFromTrunk();
        assertThat(calls.onRequest(byeFromTrunk, Destination.of(Transport.UDP, new InetSocketAddress("127.0.0.1", 40000))))
                .as("the trunk's own request").isSameAs(byeFromTrunk);
        SipRequest cancel = request(SipMethod.CANCEL, null, 2);
        assertThat(calls.onRequest(cancel, TRUNK_HOP)).isSameAs(cancel);
        SipRequest elsewhere = request(SipMethod.BYE, "t2", 2);
        assertThat(calls.onRequest(elsewhere, Destination.of(Transport.UDP, new InetSocketAddress("127.0.0.1", 40002))))
                .as("the caller's dialog with another branch").isSameAs(elsewhere);
        calls.onResponse(SipResponse.builderFor(elsewhere, 200, "OK").build(), CALLER); // ends that dialog only
        SipRequest bye = calls.onRequest(request(SipMethod.BYE, "t1", 2), TRUNK_HOP);
        assertThat(bye.cseq().number()).isEqualTo(3);
        assertThat(calls.onResponse(SipResponse.builderFor(bye, 200, "OK").build(), CALLER).cseq().number())
                .isEqualTo(2);

        SipRequest later = request(SipMethod.BYE, "t1", 4);
        assertThat(calls.onRequest(later, TRUNK_HOP)).as("forgotten once the BYE was answered").isSameAs(later);
    }

    @Test
    void theHangUpEventPublishedBeforeTheByeIsRelayedLeavesTheByeShifted() {
        SipRequest bye = answeredAfterChallenge();

        calls.ended(new SwitchboardEvent.CallEnded(Instant.EPOCH, "call-1", SwitchboardEvent.EndReason.HUNG_UP, 200,
                "a1"));

        assertThat(calls.onRequest(bye, TRUNK_HOP).cseq().number()).isEqualTo(3);
    }

    @Test
    void aCallNotAnsweredIsForgotten() {
        SipRequest bye = answeredAfterChallenge();

        calls.ended(new SwitchboardEvent.CallEnded(Instant.EPOCH, "call-1", SwitchboardEvent.EndReason.NOT_ANSWERED,
                486, null));

        assertThat(calls.onRequest(bye, TRUNK_HOP)).isSameAs(bye);
    }

    @Test
    void theTrunksByeAnsweredEndsTheCall() {
        SipRequest bye = answeredAfterChallenge();
        SipRequest byeFromTrunk = byeFromTrunk();

        assertThat(calls.onResponse(SipResponse.builderFor(byeFromTrunk, 200, "OK").build(), TOWARD_TRUNK).cseq()
                .number()).as("a response to the trunk's own request").isEqualTo(3);

        assertThat(calls.onRequest(bye, TRUNK_HOP)).isSameAs(bye);
    }

    /** A call to the trunk, challenged and answered with To tag t1; the caller's BYE (CSeq 2) to come. */
    private SipRequest answeredAfterChallenge() {
        SipRequest invite = calls.copy(request(SipMethod.INVITE, null, 1), ITSP.target("004930123"), TRUNK_HOP);
        SipRequest again = calls.answerChallenge(invite, challenge(invite), ITSP.target("004930123"), TRUNK_HOP);
        calls.onResponse(SipResponse.builderFor(again, 200, "OK").toTag("t1").build(), CALLER);
        return request(SipMethod.BYE, "t1", 2);
    }

    private static SipRequest byeFromTrunk() {
        return SipRequest.builder(SipMethod.BYE, "sip:201@127.0.0.1:40000")
                .add(HeaderName.VIA, "SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKb")
                .add(HeaderName.FROM, "<sip:004930123@example.com>;tag=t1")
                .add(HeaderName.TO, "\"Alice\" <sip:201@example.com>;tag=a1")
                .add(HeaderName.CALL_ID, "call-1").add(HeaderName.CSEQ, "3 BYE").build();
    }

    private static SipResponse challenge(SipRequest invite) {
        return SipResponse.builderFor(invite, 407, "Proxy Authentication Required")
                .add(HeaderName.PROXY_AUTHENTICATE, "Digest realm=\"itsp\", nonce=\"abc\", qop=\"auth\"").build();
    }
}
