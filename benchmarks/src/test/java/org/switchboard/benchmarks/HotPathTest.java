package org.switchboard.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.ParseException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.core.message.SipMessage;
import org.switchboard.core.message.SipParser;
import org.switchboard.core.message.Via;

/** Each benchmark operation, run once, forwards a correct message; so a broken benchmark fails the build. */
class HotPathTest {

    @ParameterizedTest
    @EnumSource(SampleMessage.class)
    void lazyForwardsCorrectly(SampleMessage sample) {
        ProxyView view = LazyHotPath.process(sample.bytes());
        assertForwarded(sample, view);
    }

    @ParameterizedTest
    @EnumSource(SampleMessage.class)
    void jainSipForwardsCorrectly(SampleMessage sample) throws ParseException {
        ProxyView view = new JainSipHotPath().process(sample.bytes());
        assertForwarded(sample, view);
    }

    @ParameterizedTest
    @EnumSource(SampleMessage.class)
    void bothReadTheSameHeaders(SampleMessage sample) throws ParseException {
        ProxyView lazy = LazyHotPath.process(sample.bytes());
        ProxyView jainSip = new JainSipHotPath().process(sample.bytes());
        assertThat(lazy).usingRecursiveComparison().ignoringFields("forwarded").isEqualTo(jainSip);
    }

    private static void assertForwarded(SampleMessage sample, ProxyView view) {
        SipMessage in = parse(sample.bytes());
        SipMessage out = parse(view.forwarded());
        assertThat(out.validate()).isNull();
        assertThat(view.topViaBranch()).isEqualTo(in.topVia().branch());
        assertThat(view.callId()).isEqualTo(in.callId()).isEqualTo(out.callId());
        assertThat(out.cseq()).isEqualTo(in.cseq());
        assertThat(out.body()).isEqualTo(in.body());
        List<Via> inVias = in.vias();
        List<Via> outVias = out.vias();
        if (sample.isRequest()) {
            assertThat(outVias).hasSize(inVias.size() + 1);
            Via added = outVias.get(0);
            assertThat(added.host()).isEqualTo(ProxyView.PROXY_HOST);
            assertThat(added.port()).isEqualTo(ProxyView.PROXY_PORT);
            assertThat(added.transport()).isEqualTo("UDP");
            assertThat(added.branch()).isEqualTo(ProxyView.branchFor(in.topVia().branch())).startsWith(Via.MAGIC_COOKIE);
            assertThat(outVias.get(1).branch()).isEqualTo(in.topVia().branch());
            assertThat(view.maxForwards()).isEqualTo(in.maxForwards());
            assertThat(out.maxForwards()).isEqualTo(in.maxForwards() - 1);
        } else {
            assertThat(outVias).hasSize(inVias.size() - 1);
            assertThat(outVias.get(0).branch()).isEqualTo(inVias.get(1).branch());
            assertThat(view.maxForwards()).isEqualTo(-1);
            assertThat(out.maxForwards()).isEqualTo(-1);
        }
    }

    private static SipMessage parse(byte[] wire) {
        SipMessage message = SipParser.parse(wire, 0, wire.length, true).message();
        assertThat(message).isNotNull();
        return message;
    }
}
