package org.switchboard.presence.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.message.NameAddr;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Transport;
import org.switchboard.presence.dialog.DialogState;
import org.switchboard.presence.dialog.TrackedCall;
import org.switchboard.testkit.time.ManualClock;

class SubscriptionsTest {
    private static final AddressOfRecord ALICE = AddressOfRecord.parse("sip:200@example.com");
    private static final AddressOfRecord BOB = AddressOfRecord.parse("sip:201@example.com");
    private static final AddressOfRecord CAROL = AddressOfRecord.parse("sip:202@example.com");
    private static final SubscriberAddress PHONE = new SubscriberAddress("sip:202@192.0.2.22:5060", List.of(),
            new Destination(Transport.UDP, new InetSocketAddress("192.0.2.22", 5060), 0),
            new InetSocketAddress("192.0.2.1", 5060));

    private final ManualClock clock = new ManualClock();
    private final List<TrackedCall> bobsCalls = new ArrayList<>();
    private final Subscriptions subscriptions = new Subscriptions(clock,
            aor -> aor.equals(BOB) ? List.copyOf(bobsCalls) : List.of(), () -> Duration.ofSeconds(1), () -> 2,
            () -> 3);
    private int subscribed;

    private Subscription carolWatchesBob(Duration expires) {
        subscribed++;
        return new Subscription(new SubscriptionKey("sub" + subscribed, "carol-tag", "our-tag"), CAROL, BOB,
                "<sip:202@example.com>;tag=carol-tag", "<sip:201@example.com>", "dialog", PHONE,
                clock.instant().plus(expires));
    }

    private TrackedCall aliceCallsBob(DialogState state) {
        return new TrackedCall("call1", "a-tag", "b-tag", ALICE, NameAddr.parse("<sip:200@example.com>"),
                "sip:200@192.0.2.20", BOB, NameAddr.parse("<sip:201@example.com>"), state, Instant.EPOCH);
    }

    /** The call changes state and the book hears of it. */
    private void change(TrackedCall call) {
        bobsCalls.clear();
        if (call.state() != DialogState.TERMINATED) {
            bobsCalls.add(call);
        }
        subscriptions.changed(call);
    }

    @Test
    void aNewSubscriptionGetsAnImmediateFullNotifyWithItsRemainingTime() {
        Notification first = subscriptions.add(carolWatchesBob(Duration.ofSeconds(600)));

        assertThat(first.cseq()).isEqualTo(1);
        assertThat(first.subscriptionState()).isEqualTo("active;expires=600");
        assertThat(first.body()).contains("version=\"0\"", "state=\"full\"").doesNotContain("<dialog ");
        assertThat(first.last()).isFalse();
    }

    @Test
    void changesAreNotifiedAtMostOncePerIntervalWithTheLatestState() {
        Subscription subscription = carolWatchesBob(Duration.ofSeconds(600));
        subscriptions.answered(subscriptions.add(subscription), true);
        change(aliceCallsBob(DialogState.EARLY));

        List<Notification> ringing = subscriptions.due();
        assertThat(ringing).isEmpty(); // the first NOTIFY went out just now

        clock.advance(Duration.ofSeconds(1));
        ringing = subscriptions.due();
        assertThat(ringing).hasSize(1);
        assertThat(ringing.get(0).body()).contains("<state>early</state>", "version=\"1\"");
        assertThat(ringing.get(0).cseq()).isEqualTo(2);
        subscriptions.answered(ringing.get(0), true);

        change(aliceCallsBob(DialogState.CONFIRMED));
        clock.advance(Duration.ofMillis(400));
        change(aliceCallsBob(DialogState.TERMINATED));
        assertThat(subscriptions.due()).isEmpty();
        clock.advance(Duration.ofMillis(600));

        List<Notification> ended = subscriptions.due();
        assertThat(ended).hasSize(1);
        assertThat(ended.get(0).body()).contains("<state>terminated</state>").doesNotContain("confirmed");
        assertThat(ended.get(0).subscriptionState()).isEqualTo("active;expires=598");
    }

    @Test
    void noNotifyLeavesWhileThePreviousOneWaitsForItsAnswer() {
        subscriptions.add(carolWatchesBob(Duration.ofSeconds(600)));
        change(aliceCallsBob(DialogState.EARLY));
        clock.advance(Duration.ofSeconds(5));

        assertThat(subscriptions.due()).isEmpty();
    }

    @Test
    void aNotifyAnswered481OrTimedOutEndsTheSubscription() {
        Notification first = subscriptions.add(carolWatchesBob(Duration.ofSeconds(600)));

        subscriptions.answered(first, false);

        assertThat(subscriptions.size()).isZero();
        assertThat(subscriptions.countOf(CAROL)).isZero();
        assertThat(subscriptions.failedNotifies()).isEqualTo(1);
        change(aliceCallsBob(DialogState.EARLY));
        clock.advance(Duration.ofSeconds(5));
        assertThat(subscriptions.due()).isEmpty();
    }

    @Test
    void anExpiredSubscriptionGetsALastNotifyTerminatedAndIsGone() {
        Subscription subscription = carolWatchesBob(Duration.ofSeconds(60));
        subscriptions.answered(subscriptions.add(subscription), true);
        clock.advance(Duration.ofSeconds(59));
        assertThat(subscriptions.due()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        List<Notification> last = subscriptions.due();

        assertThat(last).singleElement().satisfies(n -> {
            assertThat(n.subscriptionState()).isEqualTo("terminated;reason=timeout");
            assertThat(n.last()).isTrue();
        });
        assertThat(subscriptions.find(subscription.key())).isEmpty();
    }

    @Test
    void aRefreshExtendsTheSubscriptionWithAnImmediateNotify() {
        Subscription subscription = carolWatchesBob(Duration.ofSeconds(60));
        subscriptions.answered(subscriptions.add(subscription), true);
        clock.advance(Duration.ofSeconds(50));

        Notification refreshed = subscriptions.refresh(subscription, clock.instant().plus(Duration.ofSeconds(600)),
                PHONE).orElseThrow();
        subscriptions.answered(refreshed, true);

        assertThat(refreshed.subscriptionState()).isEqualTo("active;expires=600");
        clock.advance(Duration.ofSeconds(100));
        assertThat(subscriptions.due()).isEmpty();
        assertThat(subscriptions.find(subscription.key())).isPresent();
    }

    @Test
    void anUnsubscribeEndsWithALastNotifyEvenWithinTheInterval() {
        Subscription subscription = carolWatchesBob(Duration.ofSeconds(600));
        subscriptions.answered(subscriptions.add(subscription), true);

        Notification last = subscriptions.refresh(subscription, clock.instant(), PHONE).orElseThrow();

        assertThat(last.subscriptionState()).isEqualTo("terminated;reason=timeout");
        assertThat(last.last()).isTrue();
        assertThat(subscriptions.size()).isZero();
    }

    @Test
    void boundsPerSubscriberAndInAllAreKeptAndRefusalsCounted() {
        subscriptions.add(carolWatchesBob(Duration.ofSeconds(600)));
        subscriptions.add(carolWatchesBob(Duration.ofSeconds(600)));
        assertThat(subscriptions.admit(CAROL)).isEqualTo(Admission.USER_LIMIT);
        assertThat(subscriptions.admit(ALICE)).isEqualTo(Admission.ADMITTED);
        subscriptions.add(new Subscription(new SubscriptionKey("a1", "alice-tag", "our-tag"), ALICE, BOB,
                "<sip:200@example.com>;tag=alice-tag", "<sip:201@example.com>", "dialog", PHONE,
                clock.instant().plus(Duration.ofSeconds(600))));

        assertThat(subscriptions.admit(ALICE)).isEqualTo(Admission.TOTAL_LIMIT);
        assertThat(subscriptions.refused()).isEqualTo(2);
    }
}
