package org.switchboard.server.nat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.switchboard.testkit.phone.Call;
import org.switchboard.testkit.phone.Incoming;
import org.switchboard.testkit.phone.Phone;
import org.switchboard.testkit.server.SwitchboardServer;
import org.switchboard.testkit.sip.Match;
import org.switchboard.testkit.sip.SipMessage;

/**
 * How the server with the NAT gateway reaches registered contacts, over real UDP on 127.0.0.1: a
 * contact registered from another port (third-party registration, RFC 3261 §10.2) is called at
 * its Contact; a phone whose REGISTER says it is behind a NAT is called over the flow the REGISTER
 * came on, never at its private Contact; the Contact of a NATed caller's INVITE reaches the callee
 * rewritten to the caller's public address.
 */
class NatReachEndToEndTest {
    private static final String DOMAIN = "example.com";
    private static final String PASSWORD = "nat-secret-1";
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration PROMPTLY = Duration.ofSeconds(10);

    @RegisterExtension
    final SwitchboardServer server = SwitchboardServer.create().withoutHttp().user(DOMAIN, "301", PASSWORD)
            .user(DOMAIN, "302", PASSWORD).user(DOMAIN, "303", PASSWORD);

    @Test
    void contactRegisteredFromAnotherPortReceivesItsInviteAtItsContact() {
        try (Phone uas = server.phone("301").timeout(WAIT).open();
                Phone registering = server.phone("301").timeout(WAIT).open();
                Phone caller = caller()) {
            SipMessage register = registering.newRequest("REGISTER", "sip:" + DOMAIN)
                    .with("To", "<" + registering.aor() + ">")
                    .with("Contact", "<" + uas.contact() + ">")
                    .with("Expires", "3600");
            SipMessage ok = registering.send(register).expectChallenge().answer().expectFinal();
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.contactUris()).containsExactly(uas.contact());

            Call call = caller.call("sip:301@" + DOMAIN);
            Incoming invite = uas.expect("INVITE");
            invite.reject(486);

            call.expect(486);
            registering.expectNothing(Match.request("INVITE"), Duration.ofMillis(300));
        }
    }

    @Test
    void phoneBehindNatIsCalledOverItsFlowNotAtItsPrivateContact() {
        try (Phone phone = server.phone("302").timeout(WAIT).open(); Phone caller = caller()) {
            String privateContact = "sip:302@192.168.77.20:5060";
            SipMessage register = phone.newRequest("REGISTER", "sip:" + DOMAIN)
                    .with("To", "<" + phone.aor() + ">")
                    .with("Via", "SIP/2.0/UDP 192.168.77.20:5060;rport;branch=z9hG4bK-nat-" + System.nanoTime())
                    .with("Contact", "<" + privateContact + ">")
                    .with("Expires", "3600");
            SipMessage ok = phone.send(register).expectChallenge().answer().expectFinal();
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.contactUris()).as("the binding keeps the Contact as registered").containsExactly(privateContact);

            Call call = caller.call("sip:302@" + DOMAIN);
            Incoming invite = phone.expect("INVITE");
            assertThat(invite.request().requestUri()).isEqualTo(privateContact);
            invite.reject(486);

            call.expect(486);
        }
    }

    @Test
    void callerSeesTheNatedCalleesPublicAddressAsItsContact() {
        try (Phone phone = server.phone("302").timeout(WAIT).open(); Phone caller = caller()) {
            String privateContact = "sip:302@192.168.77.20:5060";
            SipMessage register = phone.newRequest("REGISTER", "sip:" + DOMAIN)
                    .with("To", "<" + phone.aor() + ">")
                    .with("Via", "SIP/2.0/UDP 192.168.77.20:5060;rport;branch=z9hG4bK-nat-" + System.nanoTime())
                    .with("Contact", "<" + privateContact + ">")
                    .with("Expires", "3600");
            assertThat(phone.send(register).expectChallenge().answer().expectFinal().status()).isEqualTo(200);

            Call call = caller.call("sip:302@" + DOMAIN);
            phone.expect("INVITE").respond(486, busy -> busy.with("Contact", "<" + privateContact + ">"));

            call.expect(486);
            assertThat(call.response().contactUris()).containsExactly("sip:302@"
                    + phone.localAddress().getAddress().getHostAddress() + ":" + phone.localAddress().getPort());
        }
    }

    @Test
    void calleeSeesTheNatedCallersPublicAddressAsItsContact() {
        try (Phone callee = server.phone("303").timeout(WAIT).open(); Phone caller = caller()) {
            assertThat(callee.register().expectChallenge().answer().expectFinal().status()).isEqualTo(200);

            Call call = caller.call("sip:303@" + DOMAIN,
                    invite -> invite.with("Contact", "<sip:caller@10.20.30.40:5062>"));
            Incoming invite = callee.expect("INVITE");
            String contact = invite.request().contactUris().get(0);
            assertThat(contact).isEqualTo("sip:caller@" + caller.localAddress().getAddress().getHostAddress() + ":"
                    + caller.localAddress().getPort());
            invite.reject(486);

            call.expect(486);
        }
    }

    /** A caller from outside our domains, which the server lets call its users without a challenge. */
    private Phone caller() {
        return Phone.of("caller", "outside.test").server(server.sipAddress()).timeout(PROMPTLY).open();
    }
}
