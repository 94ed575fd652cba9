package org.switchboard.server.dialplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.switchboard.core.spi.store.HuntGroup;
import org.switchboard.core.spi.store.UserFeatures;
import org.switchboard.server.data.Storage;
import org.switchboard.store.Database;
import org.switchboard.store.features.JdbcCallFeatureStore;
import org.switchboard.testkit.phone.Call;
import org.switchboard.testkit.phone.Incoming;
import org.switchboard.testkit.phone.Phone;
import org.switchboard.testkit.server.SwitchboardServer;
import org.switchboard.testkit.sip.Match;

/**
 * Call features in the running server, driven by test-kit phones over real sockets: forwarding on
 * no answer after the user's seconds, forwarding on busy, do-not-disturb to the mailbox, a linear
 * hunt group that falls back to its mailbox, and feature codes switching forwarding on and off
 * from the phone.
 */
class CallFeaturesCallsTest {
    private static final String DOMAIN = "cf.example.com";
    private static final int NO_ANSWER_SECONDS = 2;

    @RegisterExtension
    static final SwitchboardServer SERVER = SwitchboardServer.create()
            .user(DOMAIN, "201", "cf-secret-201").user(DOMAIN, "202", "cf-secret-202")
            .user(DOMAIN, "203", "cf-secret-203").user(DOMAIN, "204", "cf-secret-204")
            .user(DOMAIN, "205", "cf-secret-205").user(DOMAIN, "206", "cf-secret-206")
            .user(DOMAIN, "207", "cf-secret-207").user(DOMAIN, "208", "cf-secret-208");

    /** The voicemail server: a phone the mailbox template points at. */
    private static Phone voicemail;

    @BeforeAll
    static void saveFeaturesAndRestart() throws Exception {
        voicemail = Phone.of("vm", "vm.example.net").server(SERVER.sipAddress()).open();
        SERVER.stop();
        try (Database db = Storage.inDataDir(SERVER.dataDirectory()).openDatabase(2)) {
            JdbcCallFeatureStore store = new JdbcCallFeatureStore(db);
            store.setOption("voicemail", "sip:vm-{user}@127.0.0.1:" + voicemail.localAddress().getPort());
            store.saveUserFeatures(new UserFeatures(DOMAIN, "201", null, null, "203", NO_ANSWER_SECONDS, false,
                    null));
            store.saveUserFeatures(new UserFeatures(DOMAIN, "204", null, "203", null, null, false, null));
            store.saveUserFeatures(new UserFeatures(DOMAIN, "205", null, null, null, null, true, null));
            store.saveGroup(new HuntGroup(DOMAIN, "600", "linear", NO_ANSWER_SECONDS, "206, 207", "voicemail"));
        }
        SERVER.start();
    }

    @AfterAll
    static void closeVoicemail() {
        voicemail.close();
    }

    @Test
    void anUnansweredCallRingsForTheUsersSecondsAndThenTheNoAnswerTarget() {
        try (Phone caller = SERVER.phone("202").open(); Phone desk = SERVER.phone("201").open();
                Phone colleague = SERVER.phone("203").open()) {
            desk.register().expectChallenge().answer().expect(200);
            colleague.register().expectChallenge().answer().expect(200);

            Call call = caller.call("sip:201@" + DOMAIN).expect(407).answer();
            Incoming ringing = desk.expect("INVITE").ring();
            long rang = System.nanoTime();
            call.expect(180);
            ringing.expectCancel();
            // a lower bound only: the proxy may cancel later under load, never before the user's time
            assertThat(Duration.ofNanos(System.nanoTime() - rang)).isGreaterThanOrEqualTo(
                    Duration.ofSeconds(NO_ANSWER_SECONDS).minusMillis(100));
            Incoming forwarded = colleague.expect("INVITE");
            assertThat(forwarded.request().requestUri()).isEqualTo(colleague.contact());
            forwarded.answer();
            call.expect(200).ack();
            forwarded.expectAck();
        }
    }

    @Test
    void aBusyUserCallGoesToTheBusyTarget() {
        try (Phone caller = SERVER.phone("202").open(); Phone busy = SERVER.phone("204").open();
                Phone colleague = SERVER.phone("203").open()) {
            busy.register().expectChallenge().answer().expect(200);
            colleague.register().expectChallenge().answer().expect(200);

            Call call = caller.call("sip:204@" + DOMAIN).expect(407).answer();
            busy.expect("INVITE").respond(486, "Busy Here");
            colleague.expect("INVITE").respond(603, "Decline");
            call.expect(603);
        }
    }

    @Test
    void doNotDisturbSendsTheCallToTheUsersMailboxWithoutRingingThePhone() {
        try (Phone caller = SERVER.phone("202").open(); Phone resting = SERVER.phone("205").open()) {
            resting.register().expectChallenge().answer().expect(200);

            Call call = caller.call("sip:205@" + DOMAIN).expect(407).answer();
            Incoming mailbox = voicemail.expect("INVITE");
            assertThat(mailbox.request().requestUri())
                    .isEqualTo("sip:vm-205@127.0.0.1:" + voicemail.localAddress().getPort());
            mailbox.respond(486, "Busy Here");
            call.expect(486);
            resting.expectNothing(Match.request("INVITE"), Duration.ofMillis(300));
        }
    }

    @Test
    void aLinearGroupRingsItsMembersOneAfterAnotherThenItsMailbox() {
        try (Phone caller = SERVER.phone("202").open(); Phone first = SERVER.phone("206").open();
                Phone second = SERVER.phone("207").open()) {
            first.register().expectChallenge().answer().expect(200);
            second.register().expectChallenge().answer().expect(200);

            Call call = caller.call("sip:600@" + DOMAIN).expect(407).answer();
            first.expect("INVITE").ring().expectCancel();
            second.expect("INVITE").respond(486, "Busy Here");
            Incoming mailbox = voicemail.expect("INVITE");
            assertThat(mailbox.request().requestUri())
                    .isEqualTo("sip:vm-600@127.0.0.1:" + voicemail.localAddress().getPort());
            // a decline, not an answer: the ACK of a 2xx would go to this unregistered port of our own host,
            // which the proxy does not relay to (OwnHostHops), unlike a mailbox server elsewhere
            mailbox.respond(603, "Decline");
            call.expect(603);
        }
    }

    @Test
    void featureCodesSwitchForwardingOnAndOffFromThePhone() {
        try (Phone user = SERVER.phone("208").open(); Phone caller = SERVER.phone("202").open();
                Phone colleague = SERVER.phone("203").open()) {
            user.register().expectChallenge().answer().expect(200);
            colleague.register().expectChallenge().answer().expect(200);

            Call on = user.call("sip:*72203@" + DOMAIN).expect(407).answer().expect(480);
            assertThat(on.response().reason()).isEqualTo("Call forwarding on to 203");
            Call forwarded = caller.call("sip:208@" + DOMAIN).expect(407).answer();
            colleague.expect("INVITE").respond(603, "Decline");
            forwarded.expect(603);

            Call off = user.call("sip:*73@" + DOMAIN).expect(407).answer().expect(480);
            assertThat(off.response().reason()).isEqualTo("Call forwarding off");
            Call direct = caller.call("sip:208@" + DOMAIN).expect(407).answer();
            user.expect("INVITE").respond(603, "Decline");
            direct.expect(603);
        }
    }
}
