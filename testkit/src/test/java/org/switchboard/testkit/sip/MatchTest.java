package org.switchboard.testkit.sip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MatchTest {
    private final SipMessage busy = SipMessage.response(486, "Busy Here").withAdded("Call-ID", "c1")
            .withAdded("CSeq", "2 INVITE").withAdded("Reason", "SIP;cause=486");
    private final SipMessage ack = SipMessage.request("ACK", "sip:a@b").withAdded("Call-ID", "c1")
            .withAdded("CSeq", "2 ACK");

    @Test
    void tellsRequestsFromResponses() {
        assertThat(Match.request("ACK")).accepts(ack).rejects(busy);
        assertThat(Match.request("ack")).as("methods are case-sensitive").rejects(ack);
        assertThat(Match.status(486)).accepts(busy).rejects(ack);
        assertThat(Match.finalResponse()).accepts(busy).rejects(ack);
        assertThat(Match.provisional()).rejects(busy);
    }

    @Test
    void combinesAndDescribes() {
        Match m = Match.status(486).and(Match.header("Reason", "SIP;cause=\\d+")).and(Match.cseq(2, "INVITE"));
        assertThat(m).accepts(busy);
        assertThat(m.description()).isEqualTo("a 486 response with Reason matching SIP;cause=\\d+ with CSeq 2 INVITE");
        assertThat(Match.callId("c2").or(Match.request("ACK"))).accepts(ack).rejects(busy);
        assertThat(Match.noHeader("Reason")).accepts(ack).rejects(busy);
        assertThat(Match.status(486).negate()).accepts(ack).rejects(busy);
    }
}
