package org.switchboard.testkit.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.testkit.sip.Match;
import org.switchboard.testkit.sip.SipMessage;

/** Two scripted phones talking straight to each other over loopback, one acting as the other's server. */
class PhoneTest {
    private static final Duration SHORT = Duration.ofMillis(300);

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"UDP", "TCP"}) // a TLS phone needs a context: server tls tests
    void callsRingsAnswersAcksAndHangsUp(Transport transport) {
        try (Phone bob = Phone.of("bob", "example.com").transport(transport).server(loopbackDiscard()).open();
                Phone alice = Phone.of("alice", "example.com").transport(transport).server(bob.localAddress())
                        .open()) {
            Call call = alice.call(bob.contact());
            Incoming invite = bob.expect("INVITE").ring();
            call.expect(180);
            invite.answer();
            call.expect(200).ack();
            invite.expectAck();
            ClientTransaction bye = call.bye();
            bob.expect("BYE").respond(200);
            bye.expect(200);
            assertThat(invite.request().bodyText()).startsWith("v=0");
            assertThat(call.response().toTag()).isPresent();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"UDP", "TCP"}) // a TLS phone needs a context: server tls tests
    void answersAChallengeWithTheNextCSeqAndCredentials(Transport transport) {
        try (Phone registrar = Phone.of("r", "example.com").transport(transport).server(loopbackDiscard()).open();
                Phone alice = Phone.of("alice", "example.com").password("pw").transport(transport)
                        .server(registrar.localAddress()).open()) {
            ClientTransaction first = alice.register();
            Incoming r1 = registrar.expect("REGISTER");
            r1.request();
            registrar.send(r1.request().responseTo(401, "Unauthorized", "x").with("WWW-Authenticate",
                    "Digest realm=\"example.com\", nonce=\"n1\", qop=\"auth\", algorithm=SHA-256"), r1.from());
            ClientTransaction second = first.expectChallenge().answer();
            Incoming r2 = registrar.expect("REGISTER");
            assertThat(r2.request().cseq()).isEqualTo(r1.request().cseq() + 1);
            assertThat(r2.request().callId()).isEqualTo(r1.request().callId());
            assertThat(r2.request().topBranch()).isNotEqualTo(r1.request().topBranch());
            assertThat(r2.request().requireHeader("Authorization")).contains("algorithm=SHA-256", "qop=auth",
                    "username=\"alice\"");
            r2.respond(200);
            second.expect(200);
        }
    }

    @Test
    void retransmitsAnUnansweredRequestOverUdpAndNotWhenToldNot() {
        try (Phone peer = Phone.of("p", "example.com").server(loopbackDiscard()).open();
                Phone quiet = Phone.of("q", "example.com").server(peer.localAddress()).retransmits(false)
                        .timeout(Duration.ofSeconds(2)).open();
                Phone eager = Phone.of("e", "example.com").server(peer.localAddress()).open()) {
            ClientTransaction sent = eager.register();
            sent.expectNothing(Duration.ofMillis(1700));
            String branch = sent.request().topBranch();
            Match same = Match.request("REGISTER").and(Match.of("branch " + branch, m -> m.topBranch().equals(branch)));
            peer.expect(same);
            peer.expect(same, SHORT);

            ClientTransaction once = quiet.register();
            String quietBranch = once.request().topBranch();
            Match quietSame = Match.of("branch " + quietBranch, m -> m.topBranch().equals(quietBranch));
            peer.expect(quietSame);
            once.expectNothing(Duration.ofMillis(1200));
            peer.expectNothing(quietSame, SHORT);
        }
    }

    @Test
    void cancelsARingingCall() {
        try (Phone bob = Phone.of("bob", "example.com").server(loopbackDiscard()).open();
                Phone alice = Phone.of("alice", "example.com").server(bob.localAddress()).open()) {
            Call call = alice.call(bob.contact());
            Incoming invite = bob.expect("INVITE").ring();
            call.expect(180);
            ClientTransaction cancel = call.cancel();
            invite.expectCancel();
            cancel.expect(200);
            call.expect(487);
            bob.expect(Match.request("ACK").and(Match.cseq(1, "ACK")));
        }
    }

    @Test
    void sendsRawBytesAndFailsClearlyWhenNothingComes() {
        try (Phone peer = Phone.of("p", "example.com").server(loopbackDiscard()).open();
                Phone raw = Phone.of("r", "example.com").server(peer.localAddress()).timeout(SHORT).open()) {
            raw.sendRaw("OPTIONS sip:p@example.com SIP/2.0\nCall-ID: raw-1\nCSeq: 1 OPTIONS\n\n");
            SipMessage options = peer.expect(Match.callId("raw-1")).message();
            assertThat(options.method()).isEqualTo("OPTIONS");
            raw.sendRaw(new byte[] {0x00, 0x01, 0x00, 0x08});
            assertThat(peer.poll(Duration.ofSeconds(5)).message()).isNull();
            assertThat(peer.received()).as("every parsable message, taken or not").extracting(SipMessage::callId)
                    .containsExactly("raw-1");
            assertThatThrownBy(() -> raw.expect("BYE")).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("a BYE request");
        }
    }

    /** A UDP address nothing answers from, for phones that only receive. */
    private static java.net.InetSocketAddress loopbackDiscard() {
        return new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 9);
    }
}
