package org.switchboard.server.dialplan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.store.DialRule;
import org.switchboard.server.data.Storage;
import org.switchboard.store.Database;
import org.switchboard.store.dialplan.JdbcDialPlanStore;
import org.switchboard.testkit.phone.Call;
import org.switchboard.testkit.phone.Incoming;
import org.switchboard.testkit.phone.Phone;
import org.switchboard.testkit.server.SwitchboardServer;

/**
 * The dial plan in the running server, driven by test-kit phones: rules saved in the database before
 * the start forward a prefixed number to a user with the number rewritten, forward an international
 * number to a gateway, reject a premium number with Error-Info, answer 484 to an incomplete number,
 * and deny an internal-class caller an international number (403) while 112 passes to the
 * emergency desk.
 */
class DialPlanCallsTest {
    private static final String DOMAIN = "dp.example.com";

    @RegisterExtension
    static final SwitchboardServer SERVER = SwitchboardServer.create()
            .user(DOMAIN, "201", "dp-secret-201").user(DOMAIN, "202", "dp-secret-202")
            .user(DOMAIN, "203", "dp-secret-203").user(DOMAIN, "emergency", "dp-secret-e");

    /** A gateway to the public network, standing in for an ITSP: a phone the rules forward to by URI. */
    private static Phone gateway;

    @BeforeAll
    static void saveRulesAndRestart() throws Exception {
        gateway = Phone.of("gateway", "gw.example.net").server(SERVER.sipAddress()).open();
        SERVER.stop();
        try (Database db = Storage.inDataDir(SERVER.dataDirectory()).openDatabase(2)) {
            JdbcDialPlanStore store = new JdbcDialPlanStore(db);
            store.saveRule(new DialRule(DOMAIN, 10, "prefix-9", "*", "9xxx", null, "forward {user}", "{1}"));
            store.saveRule(new DialRule(DOMAIN, 20, "users", "*", "2xx", null, "forward {user}", null));
            store.saveRule(new DialRule(DOMAIN, 30, "premium", "*", "0900*", null,
                    "reject 403 Premium numbers are barred; info=https://dp.example.com/barred", null));
            store.saveRule(new DialRule(DOMAIN, 40, "internal-barred", "class:internal", "[01]*", null,
                    "reject 403 Outside calls are barred", null));
            store.saveRule(new DialRule(DOMAIN, 50, "emergency", "*", "112", null, "forward emergency", null));
            store.saveRule(new DialRule(DOMAIN, 60, "international", "*", "00xxxx*", null,
                    "forward sip:{user}@127.0.0.1:" + gateway.localAddress().getPort(), null));
            store.setPermissionClass(AddressOfRecord.parse("sip:201@" + DOMAIN), "internal");
        }
        SERVER.start();
    }

    @AfterAll
    static void closeGateway() {
        gateway.close();
    }

    @Test
    void aPrefixRuleRingsTheUserWithTheRewrittenNumber() {
        try (Phone caller = SERVER.phone("202").open(); Phone callee = SERVER.phone("203").open()) {
            callee.register().expectChallenge().answer().expect(200);

            Call call = caller.call("sip:9203@" + DOMAIN).expect(407).answer();
            Incoming invite = callee.expect("INVITE");
            assertThat(invite.request().requestUri()).isEqualTo(callee.contact());
            invite.respond(486, "Busy Here");
            call.expect(486);
        }
    }

    @Test
    void anInternationalNumberGoesToTheGatewayWithTheNumberAsItsUserPart() {
        try (Phone caller = SERVER.phone("202").open()) {
            Call call = caller.call("sip:004930123456@" + DOMAIN).expect(407).answer();
            Incoming invite = gateway.expect("INVITE");
            assertThat(invite.request().requestUri())
                    .isEqualTo("sip:004930123456@127.0.0.1:" + gateway.localAddress().getPort());
            invite.respond(603, "Decline");
            call.expect(603);
        }
    }

    @Test
    void aRejectRuleAnswersItsStatusReasonAndErrorInfo() {
        try (Phone caller = SERVER.phone("202").open()) {
            Call call = caller.call("sip:0900123456@" + DOMAIN).expect(407).answer().expect(403);

            assertThat(call.response().reason()).isEqualTo("Premium numbers are barred");
            assertThat(call.response().header("Error-Info")).contains("<https://dp.example.com/barred>");
        }
    }

    @Test
    void anIncompleteNumberIsAnswered484AndTheCompletedOneRoutes() {
        try (Phone caller = SERVER.phone("202").open()) {
            caller.call("sip:0049@" + DOMAIN).expect(407).answer().expect(484);

            Call completed = caller.call("sip:00493012@" + DOMAIN).expect(407).answer();
            gateway.expect("INVITE").respond(480, "Temporarily Unavailable");
            completed.expect(480);
        }
    }

    @Test
    void anUnmatchedNumberIsNotFound() {
        try (Phone caller = SERVER.phone("202").open()) {
            caller.call("sip:555@" + DOMAIN).expect(407).answer().expect(404);
        }
    }

    @Test
    void anInternalCallerIsDeniedAnInternationalNumberWhile112ReachesTheEmergencyDesk() {
        try (Phone internal = SERVER.phone("201").open(); Phone desk = SERVER.phone("emergency").open()) {
            desk.register().expectChallenge().answer().expect(200);

            Call international = internal.call("sip:004930123456@" + DOMAIN).expect(407).answer().expect(403);
            assertThat(international.response().reason()).isEqualTo("Outside calls are barred");

            Call emergency = internal.call("sip:112@" + DOMAIN).expect(407).answer();
            Incoming invite = desk.expect("INVITE");
            invite.respond(486, "Busy Here");
            emergency.expect(486);
        }
    }
}
