package org.switchboard.server.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.switchboard.testkit.phone.Call;
import org.switchboard.testkit.phone.Phone;
import org.switchboard.testkit.server.SwitchboardServer;
import org.switchboard.testkit.sip.SipMessage;

/**
 * Phones that reboot without unregistering, scripted over real UDP against the in-process server
 * with its default timers (T1 500 ms, Timer B 32 s): one that keeps its {@code +sip.instance} and
 * comes back on a new port replaces its binding, also across a restart of the server, so a call
 * rings only the phone that is alive; one without an instance leaves its old contact behind (RFC
 * 3261 §10.3), which then does not hold up the live phone's busy answer.
 */
class RebootedPhoneCallTest {
    private static final String DOMAIN = "example.com";
    private static final String PASSWORD = "reboot-secret-1";
    private static final String INSTANCE = ";+sip.instance=\"<urn:uuid:0c9a3f5e-6a1b-4e7c-9f00-00000000b007>\"";
    /** Far below Timer B (32 s), above the proxy's 4 s wait for a first response from a contact. */
    private static final Duration PROMPTLY = Duration.ofSeconds(10);
    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    final SwitchboardServer server = SwitchboardServer.create().withoutHttp().user(DOMAIN, "201", PASSWORD)
            .user(DOMAIN, "202", PASSWORD);

    @Test
    void phoneRebootingWithItsInstanceReplacesItsBindingAndAloneIsCalledAfterARestart() throws Exception {
        Phone beforeReboot = null;
        for (int boot = 1; boot <= 12; boot++) {
            if (beforeReboot != null) {
                beforeReboot.close();
            }
            beforeReboot = server.phone("201").contactParams(INSTANCE).timeout(WAIT).open();
            SipMessage ok = beforeReboot.register().expectChallenge().answer().expectFinal();
            assertThat(ok.status()).as("boot %d", boot).isEqualTo(200);
            assertThat(ok.contactUris()).as("boot %d", boot).containsExactly(beforeReboot.contact());
        }
        server.restart();

        try (Phone phone = beforeReboot; Phone caller = caller()) {
            Call call = caller.call("sip:201@" + DOMAIN);
            phone.expect("INVITE").reject(486);

            call.expect(486);
        }
    }

    @Test
    void staleContactOfAPhoneWithoutInstanceDoesNotHoldUpItsBusyAnswer() {
        try (Phone before = server.phone("202").timeout(WAIT).open()) {
            assertThat(before.register().expectChallenge().answer().expectFinal().status()).isEqualTo(200);
        }
        try (Phone phone = server.phone("202").timeout(WAIT).open(); Phone caller = caller()) {
            SipMessage ok = phone.register().expectChallenge().answer().expectFinal();
            assertThat(ok.contactUris()).as("RFC 3261 §10.3: another contact URI is another binding").hasSize(2);

            Call call = caller.call("sip:202@" + DOMAIN);
            phone.expect("INVITE").reject(486);

            call.expect(486);
        }
    }

    /** A caller from outside our domains, which the server lets call its users without a challenge. */
    private Phone caller() {
        return Phone.of("caller", "outside.test").server(server.sipAddress()).timeout(PROMPTLY).open();
    }
}
