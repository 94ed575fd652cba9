package org.switchboard.dialplan.trunks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.spi.route.Target;

class TrunkFailoverTest {
    private static final SipRequest INVITE = SipRequest.builder(SipMethod.INVITE, "sip:004930123@example.com")
            .add(HeaderName.VIA, "SIP/2.0/UDP 127.0.0.1:40000;branch=z9hG4bKa")
            .add(HeaderName.FROM, "<sip:201@example.com>;tag=1").add(HeaderName.TO, "<sip:004930123@example.com>")
            .add(HeaderName.CALL_ID, "c1").add(HeaderName.CSEQ, "1 INVITE").build();
    private static final Target SECOND = Target.of(SipUri.parse("sip:004930123@127.0.0.1:5071"));
    private static final Target THIRD = Target.of(SipUri.parse("sip:004930123@127.0.0.1:5072"));

    private final List<String> left = new ArrayList<>();
    private final TrunkFailover failover = new TrunkFailover(100, left::add);

    private static SipResponse answer(int status) {
        return SipResponse.builderFor(INVITE, status, "X").build();
    }

    @Test
    void movesOnToTheNextTrunkOnServerErrorsAndTimeoutsInOrder() {
        failover.remember("c1", List.of(SECOND, THIRD));

        assertThat(failover.onFailure(INVITE, answer(503))).containsExactly(SECOND);
        assertThat(failover.onFailure(INVITE, answer(408))).containsExactly(THIRD);
        assertThat(failover.onFailure(INVITE, answer(500))).isEmpty();
        assertThat(left).containsExactly("c1", "c1");
    }

    @Test
    void aBusyOrUnknownNumberIsTheCallsAnswer() {
        failover.remember("c1", List.of(SECOND));

        assertThat(failover.onFailure(INVITE, answer(486))).isEmpty();
        assertThat(failover.onFailure(INVITE, answer(503))).as("forgotten after the answer").isEmpty();
        assertThat(left).isEmpty();
    }
}
