package org.switchboard.presence.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;
import org.switchboard.presence.Messages;
import org.switchboard.testkit.time.ManualClock;

class CallDialogsTest {
    private static final AddressOfRecord ALICE = AddressOfRecord.parse("sip:200@example.com");
    private static final AddressOfRecord BOB = AddressOfRecord.parse("sip:201@example.com");
    private static final Destination HOP = new Destination(Transport.UDP, new InetSocketAddress("192.0.2.21", 5060), 0);
    private static final Flow TO_CALLER = new Flow(Transport.UDP, new InetSocketAddress("192.0.2.1", 5060),
            new InetSocketAddress("192.0.2.20", 5060), 0);

    private final ManualClock clock = new ManualClock();
    private final List<TrackedCall> changes = new ArrayList<>();
    private final CallDialogs calls = new CallDialogs(clock, 2, Duration.ofMinutes(30), Duration.ofHours(24),
            changes::add);

    private List<DialogState> states() {
        return changes.stream().map(TrackedCall::state).toList();
    }

    @Test
    void followsACallFromTryingThroughRingingAndAnsweredToItsBye() {
        calls.onRequest(Messages.invite("c1"), HOP);
        calls.onResponse(Messages.inviteResponse("c1", 180, "Ringing", "callee-tag"), TO_CALLER);
        calls.onResponse(Messages.inviteResponse("c1", 200, "OK", "callee-tag"), TO_CALLER);
        calls.onRequest(Messages.bye("c1"), HOP);

        assertThat(states()).containsExactly(DialogState.TRYING, DialogState.EARLY, DialogState.CONFIRMED,
                DialogState.TERMINATED);
        TrackedCall early = changes.get(1);
        assertThat(early.caller()).isEqualTo(ALICE);
        assertThat(early.callee()).isEqualTo(BOB);
        assertThat(early.callerTag()).isEqualTo("caller-tag");
        assertThat(early.calleeTag()).isEqualTo("callee-tag");
        assertThat(early.callerTarget()).isEqualTo("sip:200@192.0.2.20:5060");
        assertThat(calls.size()).isZero();
    }

    @Test
    void aForkedInvitesCopiesAndARepeatedRingingChangeNothing() {
        calls.onRequest(Messages.invite("c1"), HOP);
        calls.onRequest(Messages.invite("c1"), HOP);
        calls.onResponse(Messages.inviteResponse("c1", 100, "Trying", null), TO_CALLER);
        calls.onResponse(Messages.inviteResponse("c1", 180, "Ringing", null), TO_CALLER);
        calls.onResponse(Messages.inviteResponse("c1", 180, "Ringing", "t1"), TO_CALLER);
        calls.onResponse(Messages.inviteResponse("c1", 183, "Session Progress", "t1"), TO_CALLER);

        assertThat(states()).containsExactly(DialogState.TRYING, DialogState.EARLY);
        assertThat(calls.ringingAt(BOB)).map(TrackedCall::callId).contains("c1");
        assertThat(calls.ringingAt(ALICE)).isEmpty();
    }

    @Test
    void aFinalFailureToTheCallerEndsTheCall() {
        calls.onRequest(Messages.invite("c1"), HOP);
        calls.onResponse(Messages.inviteResponse("c1", 180, "Ringing", "t1"), TO_CALLER);
        calls.onResponse(Messages.inviteResponse("c1", 487, "Request Terminated", "t1"), TO_CALLER);

        assertThat(states()).containsExactly(DialogState.TRYING, DialogState.EARLY, DialogState.TERMINATED);
        assertThat(calls.callsOf(BOB)).isEmpty();
    }

    @Test
    void followsNoMoreCallsThanItsCapacityAndCountsTheOthers() {
        calls.onRequest(Messages.invite("c1"), HOP);
        calls.onRequest(Messages.invite("c2"), HOP);
        calls.onRequest(Messages.invite("c3"), HOP);

        assertThat(calls.size()).isEqualTo(2);
        assertThat(calls.untracked()).isEqualTo(1);
        assertThat(calls.call("c3")).isEmpty();
    }

    @Test
    void aCallRingingLongerThanACallCanIsSweptAsTerminated() {
        calls.onRequest(Messages.invite("c1"), HOP);
        calls.onResponse(Messages.inviteResponse("c1", 180, "Ringing", "t1"), TO_CALLER);
        clock.advance(Duration.ofMinutes(29));
        calls.sweep();
        assertThat(calls.size()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));
        calls.sweep();

        assertThat(calls.size()).isZero();
        assertThat(states()).endsWith(DialogState.TERMINATED);
    }
}
