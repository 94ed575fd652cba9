package org.switchboard.server.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.switchboard.testkit.phone.Call;
import org.switchboard.testkit.phone.ClientTransaction;
import org.switchboard.testkit.phone.Incoming;
import org.switchboard.testkit.phone.Phone;
import org.switchboard.testkit.server.SwitchboardServer;
import org.switchboard.testkit.sip.Match;
import org.switchboard.testkit.sip.SipMessage;

/**
 * Busy lamps and pickup in the running server, driven by test-kit phones over real sockets, as a
 * snom phone's busy-lamp key uses them: 202 watches 201's dialogs (SUBSCRIBE Event: dialog,
 * challenged like any request of our users) and sees 200's call to 201 ring (early, recipient, with
 * the caller and the tags), be answered (confirmed) and end (terminated), then ends the subscription;
 * after a restart its refresh is answered 481 and its new subscription gets the state;
 * 202 picks up 200's ringing call to 201 by dialling the pickup code and 201, or with Replaces as a
 * snom key does, and 200's phone gets 202's INVITE with Replaces naming its early dialog.
 */
class BusyLampsAndPickupTest {
    private static final String DOMAIN = "blf.example.com";

    @RegisterExtension
    static final SwitchboardServer SERVER = SwitchboardServer.create()
            .user(DOMAIN, "200", "blf-secret-200").user(DOMAIN, "201", "blf-secret-201")
            .user(DOMAIN, "202", "blf-secret-202");

    private static SipMessage subscribe(Phone watcher, String user) {
        return watcher.newRequest("SUBSCRIBE", "sip:" + user + "@" + DOMAIN)
                .withAdded("Event", "dialog")
                .withAdded("Accept", "application/dialog-info+xml")
                .withAdded("Expires", "600");
    }

    /** The next NOTIFY, answered 200; its body. */
    private static SipMessage notified(Phone watcher) {
        Incoming notify = watcher.expect("NOTIFY");
        notify.respond(200, "OK");
        return notify.request();
    }

    @Test
    void aBusyLampSeesAColleaguesCallRingThenAnsweredThenEnded() {
        try (Phone caller = SERVER.phone("200").open(); Phone colleague = SERVER.phone("201").open();
                Phone watcher = SERVER.phone("202").open()) {
            colleague.register().expectChallenge().answer().expect(200);
            ClientTransaction subscribed = watcher.send(subscribe(watcher, "201")).expectChallenge().answer().expect(200);
            assertThat(subscribed.response().header("Expires")).contains("600");
            SipMessage initial = notified(watcher);
            assertThat(initial.header("Subscription-State").orElseThrow()).startsWith("active;expires=");
            assertThat(initial.header("Event")).contains("dialog");
            assertThat(initial.header("Content-Type")).contains("application/dialog-info+xml");
            assertThat(initial.bodyText()).contains("state=\"full\"", "entity=\"sip:201@" + DOMAIN + "\"",
                    "version=\"0\"").doesNotContain("<dialog ");

            Call call = caller.call("sip:201@" + DOMAIN).expect(407).answer();
            Incoming invite = colleague.expect("INVITE");
            invite.ring();
            String ringing = notified(watcher).bodyText();
            assertThat(ringing).contains("call-id=\"" + call.callId() + "\"", "direction=\"recipient\"",
                    "<state>early</state>", "local-tag=\"" + invite.toTag() + "\"",
                    "<identity>sip:200@" + DOMAIN + "</identity>", "<target uri=\"sip:200@" + DOMAIN + "\"/>");

            invite.answer();
            call.expect(200).ack();
            assertThat(notified(watcher).bodyText()).contains("<state>confirmed</state>");

            call.bye();
            colleague.expect("BYE").respond(200, "OK");
            assertThat(notified(watcher).bodyText()).contains("call-id=\"" + call.callId() + "\"",
                    "<state>terminated</state>");

            SipMessage unsubscribe = inDialog(watcher, subscribed, "0");
            assertThat(watcher.send(unsubscribe).expect(200).response().header("Expires")).contains("0");
            assertThat(notified(watcher).header("Subscription-State")).contains("terminated;reason=timeout");
        }
    }

    /** A SUBSCRIBE in the subscription's dialog, the next CSeq after {@code subscribed}'s. */
    private static SipMessage inDialog(Phone watcher, ClientTransaction subscribed, String expires) {
        SipMessage ok = subscribed.response();
        return SipMessage.request("SUBSCRIBE", ok.contactUris().get(0))
                .withAdded("Via", watcher.via())
                .withAdded("Max-Forwards", "70")
                .withAdded("From", subscribed.request().requireHeader("From"))
                .withAdded("To", ok.requireHeader("To"))
                .withAdded("Call-ID", ok.callId())
                .withAdded("CSeq", (subscribed.request().cseq() + 1) + " SUBSCRIBE")
                .withAdded("Contact", "<" + watcher.contact() + ">")
                .withAdded("Event", "dialog")
                .withAdded("Expires", expires);
    }

    @Test
    void afterARestartARefreshIsAnswered481AndTheNewSubscriptionGetsTheState() throws Exception {
        try (Phone watcher = SERVER.phone("202").open()) {
            ClientTransaction subscribed = watcher.send(subscribe(watcher, "201")).expectChallenge().answer()
                    .expect(200);
            notified(watcher);
            watcher.send(inDialog(watcher, subscribed, "600")).expect(200);
            assertThat(notified(watcher).header("Subscription-State").orElseThrow()).startsWith("active;expires=");

            SERVER.restart();

            watcher.send(inDialog(watcher, subscribed, "600")).expect(481);
            watcher.send(subscribe(watcher, "201")).expectChallenge().answer().expect(200);
            assertThat(notified(watcher).bodyText()).contains("entity=\"sip:201@" + DOMAIN + "\"");
        }
    }

    @Test
    void aSubscriptionShorterThanTheMinimumIsAnswered423WithMinExpires() {
        try (Phone watcher = SERVER.phone("202").open()) {
            ClientTransaction brief = watcher.send(subscribe(watcher, "201").with("Expires", "10")).expectChallenge()
                    .answer().expect(423);

            assertThat(brief.response().header("Min-Expires")).contains("60");
        }
    }

    @Test
    void aNotifyTheWatcherAnswers481EndsItsSubscription() {
        try (Phone caller = SERVER.phone("200").open(); Phone colleague = SERVER.phone("201").open();
                Phone watcher = SERVER.phone("202").open()) {
            colleague.register().expectChallenge().answer().expect(200);
            watcher.send(subscribe(watcher, "201")).expectChallenge().answer().expect(200);
            watcher.expect("NOTIFY").respond(481, "Call/Transaction Does Not Exist");

            Call call = caller.call("sip:201@" + DOMAIN).expect(407).answer();
            Incoming invite = colleague.expect("INVITE");
            invite.ring();
            call.expect(180);

            watcher.expectNothing(Match.request("NOTIFY"), Duration.ofSeconds(2));
            invite.reject(486);
            call.expect(486);
        }
    }

    @Test
    void onlyUsersOfTheDomainMayWatchItsUsers() {
        try (Phone outsider = Phone.of("mallory", "elsewhere.example.net").server(SERVER.sipAddress()).open()) {
            outsider.send(subscribe(outsider, "201")).expect(403);
        }
    }

    @Test
    void aColleagueDiallingThePickupCodeTakesTheRingingCall() {
        try (Phone caller = SERVER.phone("200").open(); Phone colleague = SERVER.phone("201").open();
                Phone picker = SERVER.phone("202").open()) {
            caller.register().expectChallenge().answer().expect(200);
            colleague.register().expectChallenge().answer().expect(200);
            Call call = caller.call("sip:201@" + DOMAIN).expect(407).answer();
            Incoming ringing = colleague.expect("INVITE");
            ringing.ring();
            call.expect(180);

            Call pickup = picker.call("sip:*8201@" + DOMAIN).expect(407).answer();

            Incoming replacing = caller.expect("INVITE");
            SipMessage request = replacing.request();
            assertThat(request.header("Replaces")).contains(call.callId() + ";to-tag="
                    + call.invite().request().fromTag().orElseThrow() + ";from-tag=" + ringing.toTag() + ";early-only");
            assertThat(request.headerValues("Require")).contains("replaces");
            assertThat(request.header("From").orElseThrow()).contains("sip:202@" + DOMAIN);
            // the caller's phone does as RFC 3891 §3 says: answers the new INVITE, cancels the old one
            replacing.answer();
            pickup.expect(200).ack();
            call.cancel().expect(200);
            ringing.expectCancel();
            call.expect(487);
            ClientTransaction bye = pickup.bye();
            caller.expect("BYE").respond(200, "OK");
            bye.expect(200);
        }
    }

    @Test
    void aSnomKeysReplacesWithTheCallIdAloneIsCompletedWithTheTagsTheCallerKnows() {
        try (Phone caller = SERVER.phone("200").open(); Phone colleague = SERVER.phone("201").open();
                Phone picker = SERVER.phone("202").open()) {
            caller.register().expectChallenge().answer().expect(200);
            colleague.register().expectChallenge().answer().expect(200);
            Call call = caller.call("sip:201@" + DOMAIN).expect(407).answer();
            Incoming ringing = colleague.expect("INVITE");
            ringing.ring();
            call.expect(180);

            Call pickup = picker.call("sip:200@" + DOMAIN, invite -> invite.withAdded("Replaces", call.callId()))
                    .expect(407).answer();

            Incoming replacing = caller.expect("INVITE");
            assertThat(replacing.request().header("Replaces")).contains(call.callId() + ";to-tag="
                    + call.invite().request().fromTag().orElseThrow() + ";from-tag=" + ringing.toTag() + ";early-only");
            replacing.reject(481);
            pickup.expect(481);
            ringing.answer();
            call.expect(200).ack();
            ClientTransaction bye = call.bye();
            colleague.expect("BYE").respond(200, "OK");
            bye.expect(200);
        }
    }

    @Test
    void thePickupCodeForAnExtensionWhereNothingRingsIsAnswered480() {
        try (Phone picker = SERVER.phone("202").open()) {
            picker.call("sip:*8201@" + DOMAIN).expect(407).answer().expect(480);
        }
    }
}
