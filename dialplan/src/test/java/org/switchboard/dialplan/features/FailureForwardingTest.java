package org.switchboard.dialplan.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.spi.route.Target;

class FailureForwardingTest {
    private static final Target BUSY = Target.of(SipUri.parse("sip:202@127.0.0.1:40002"));
    private static final Target NO_ANSWER = Target.of(SipUri.parse("sip:vm-201@vm.example.com"));

    private final FailureForwarding forwarding = new FailureForwarding();

    private static SipRequest invite() {
        return SipRequest.builder("INVITE", "sip:201@example.com").add(HeaderName.CALL_ID, "ff-test").build();
    }

    private static SipResponse response(int status) {
        return SipResponse.builderFor(invite(), status, "Reason").build();
    }

    @Test
    void busyGoesToTheBusyTargetsAndOnlyOnce() {
        SipRequest invite = invite();
        forwarding.expect(invite, new FailureForwarding.AfterFailure("201@example.com", List.of(BUSY),
                List.of(NO_ANSWER)));

        assertThat(forwarding.onFailure(invite, response(486))).containsExactly(BUSY);
        assertThat(forwarding.onFailure(invite, response(408))).isEmpty();
    }

    @Test
    void aTimeoutUnavailableOrCancelledBranchCountsAsNoAnswer() {
        for (int status : new int[] {408, 480, 487}) {
            SipRequest invite = invite();
            forwarding.expect(invite, new FailureForwarding.AfterFailure("201@example.com", List.of(BUSY),
                    List.of(NO_ANSWER)));

            assertThat(forwarding.onFailure(invite, response(status))).as("%d", status).containsExactly(NO_ANSWER);
        }
    }

    @Test
    void otherFailuresAndOtherRequestsAreNotForwarded() {
        SipRequest invite = invite();
        forwarding.expect(invite, new FailureForwarding.AfterFailure("201@example.com", List.of(BUSY),
                List.of(NO_ANSWER)));

        assertThat(forwarding.onFailure(invite(), response(486))).as("an equal request of another call").isEmpty();
        assertThat(forwarding.onFailure(invite, response(404))).isEmpty();
    }
}
