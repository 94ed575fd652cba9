package org.switchboard.server.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.switchboard.server.TestServerLauncher;
import org.switchboard.testkit.phone.Call;
import org.switchboard.testkit.phone.ClientTransaction;
import org.switchboard.testkit.phone.Incoming;
import org.switchboard.testkit.phone.Phone;
import org.switchboard.testkit.server.SwitchboardServer;

/**
 * The test kit against the in-process server it starts: phones register, query and remove their
 * bindings over UDP and TCP with SHA-256 digests, an authenticated call between them rings, is
 * answered, acknowledged and hung up, a cancelled call ends 487, a user added while the server runs
 * can register, and the HTTP port answers.
 */
class TestKitOnServerTest {
    private static final String DOMAIN = "kit.example.com";

    @RegisterExtension
    static final SwitchboardServer SERVER = SwitchboardServer.create()
            .option(TestServerLauncher.DIGEST_ALGORITHMS, "SHA-256,MD5")
            .user(DOMAIN, "201", "kit-secret-201").user(DOMAIN, "202", "kit-secret-202");

    @Test
    void phonesOnUdpAndTcpRegisterAndCallEachOtherWithAuthentication() {
        try (Phone alice = SERVER.phone("201").open(); Phone bob = SERVER.phone("202").tcp().open()) {
            alice.register().expectChallenge().answer().expect(200);
            assertThat(bob.register().expectChallenge().answer().expect(200).response().contactUris())
                    .containsExactly(bob.contact());

            Call call = alice.call(bob).expect(407).answer();
            Incoming invite = bob.expect("INVITE").ring();
            call.expect(180);
            invite.answer();
            call.expect(200).ack();
            invite.expectAck();

            ClientTransaction bye = call.bye();
            bob.expect("BYE").respond(200);
            bye.expect(200);
        }
    }

    @Test
    void aCancelledCallEndsWith487() {
        try (Phone alice = SERVER.phone("201").open(); Phone bob = SERVER.phone("202").open()) {
            bob.register().expectChallenge().answer().expect(200);
            Call call = alice.call(bob).expect(407).answer();
            Incoming invite = bob.expect("INVITE").ring();
            call.expect(180);

            ClientTransaction cancel = call.cancel();
            invite.expectCancel();
            cancel.expect(200);
            call.expect(487);
        }
    }

    @Test
    void aUserAddedWhileTheServerRunsRegistersQueriesAndRemovesItsBinding() {
        SERVER.user(DOMAIN, "203", "kit-secret-203");
        try (Phone carol = SERVER.phone("203").open()) {
            assertThat(carol.register().expectChallenge().answer().expectFinal().status()).isEqualTo(200);
            assertThat(carol.queryBindings().expectChallenge().answer().expect(200).response().contactUris())
                    .containsExactly(carol.contact());
            assertThat(carol.unregister().expectChallenge().answer().expect(200).response().contactUris())
                    .isEmpty();
        }
    }

    @Test
    void servesHttpOnItsPort() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(SERVER.httpUri().resolve("/no-such-page")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
    }
}
