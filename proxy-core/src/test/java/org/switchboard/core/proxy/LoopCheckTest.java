package org.switchboard.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.switchboard.core.spi.chain.ProcessorResult;

class LoopCheckTest {
    private final LocalAddresses local = new LocalAddresses(Set.of("10.0.0.1"), Set.of(5060));
    private final LoopCheck check = new LoopCheck(local);
    private final LoopDetection loops = new LoopDetection();

    private static String invite(String uri, String ourVia) {
        return RecordingContext.request("INVITE", uri, "").replace("Max-Forwards: 70\n",
                "Max-Forwards: 70\n").replace("Via: SIP/2.0/UDP 127.0.0.1:40000;branch=z9hG4bK-test-1;rport\n",
                "Via: SIP/2.0/UDP 10.0.0.2:5060;branch=z9hG4bK-other\n" + ourVia
                        + "Via: SIP/2.0/UDP 127.0.0.1:40000;branch=z9hG4bK-test-1;rport\n");
    }

    /** Our Via as we would have added it when forwarding {@code asReceived} the first time. */
    private String ourVia(String asReceived) {
        String hash = LoopDetection.hash(RecordingContext.of(asReceived).request());
        return "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=" + loops.newBranch(hash) + "\n";
    }

    @Test
    void aRequestBackUnchangedIsALoop() {
        String first = RecordingContext.request("INVITE", "sip:bob@example.com", "");
        RecordingContext back = RecordingContext.of(invite("sip:bob@example.com", ourVia(first)));
        assertThat(check.process(back)).isEqualTo(ProcessorResult.STOP);
        assertThat(back.onlyResponse().statusCode()).isEqualTo(482);
    }

    @Test
    void aRequestBackWithANewRequestUriIsASpiral() {
        String first = RecordingContext.request("INVITE", "sip:bob@example.com", "");
        RecordingContext back = RecordingContext.of(invite("sip:+4930123@example.com", ourVia(first)));
        assertThat(check.process(back)).isEqualTo(ProcessorResult.CONTINUE);
        assertThat(back.responses).isEmpty();
    }

    @Test
    void aChangedProxyRequireMakesASpiral() {
        String first = RecordingContext.request("INVITE", "sip:bob@example.com", "");
        String back = invite("sip:bob@example.com", ourVia(first)).replace("CSeq: 1 INVITE\n",
                "CSeq: 1 INVITE\nProxy-Authorization: Digest username=\"alice\"\n");
        assertThat(check.process(RecordingContext.of(back))).isEqualTo(ProcessorResult.CONTINUE);
    }

    @Test
    void aMatchingBranchFromAnotherHostIsNoLoop() {
        String first = RecordingContext.request("INVITE", "sip:bob@example.com", "");
        String back = invite("sip:bob@example.com", ourVia(first).replace("10.0.0.1:5060", "10.0.0.9:5060"));
        assertThat(check.process(RecordingContext.of(back))).isEqualTo(ProcessorResult.CONTINUE);
    }

    @Test
    void branchesAreUniqueAndCarryTheHash() {
        String a = loops.newBranch("0123456789abcdef");
        String b = loops.newBranch("0123456789abcdef");
        assertThat(a).startsWith("z9hG4bK").isNotEqualTo(b);
        assertThat(LoopDetection.hashOf(a)).isEqualTo("0123456789abcdef");
        assertThat(LoopDetection.hashOf("z9hG4bK-someone-else")).isNull();
    }

    @Test
    void theHashIgnoresTheTopViaAndMaxForwards() {
        String one = RecordingContext.request("INVITE", "sip:bob@example.com", "");
        String two = one.replace("127.0.0.1:40000;branch=z9hG4bK-test-1", "192.0.2.7:5062;branch=z9hG4bK-x")
                .replace("Max-Forwards: 70", "Max-Forwards: 12");
        assertThat(LoopDetection.hash(RecordingContext.of(two).request()))
                .isEqualTo(LoopDetection.hash(RecordingContext.of(one).request()));
    }
}
