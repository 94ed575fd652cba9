package org.switchboard.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.spi.chain.ProcessorResult;

class RoutePreprocessorTest {
    private final LocalAddresses local = new LocalAddresses(Set.of("10.0.0.1", "pbx.example.com"), Set.of(5060, 5070));
    private final RoutePreprocessor preprocessor = new RoutePreprocessor(local);

    private SipRequest run(String uri, String routes) {
        RecordingContext context = RecordingContext.of(RecordingContext.request("BYE", uri, routes));
        assertThat(preprocessor.process(context)).isEqualTo(ProcessorResult.CONTINUE);
        return context.request();
    }

    @Test
    void removesOurRouteOnTop() {
        SipRequest r = run("sip:bob@10.0.0.7", "Route: <sip:10.0.0.1;lr>, <sip:10.0.0.9;lr>\n");
        assertThat(r.headers().values(HeaderName.ROUTE)).containsExactly("<sip:10.0.0.9;lr>");
        assertThat(r.requestUri()).isEqualTo("sip:bob@10.0.0.7");
    }

    @Test
    void removesBothEntriesOfADoubleRecordRoute() {
        SipRequest r = run("sip:bob@10.0.0.7",
                "Route: <sip:10.0.0.1:5070;transport=tcp;lr>\nRoute: <sip:10.0.0.1:5060;transport=udp;lr>\n");
        assertThat(r.headers().contains(HeaderName.ROUTE)).isFalse();
    }

    @Test
    void leavesOtherRoutesAlone() {
        SipRequest r = run("sip:bob@10.0.0.7", "Route: <sip:proxy.example.org;lr>, <sip:10.0.0.1;lr>\n");
        assertThat(r.headers().values(HeaderName.ROUTE)).containsExactly("<sip:proxy.example.org;lr>",
                "<sip:10.0.0.1;lr>");
    }

    @Test
    void aPortThatIsNotOursIsNotUs() {
        SipRequest r = run("sip:bob@10.0.0.7", "Route: <sip:10.0.0.1:5080;lr>\n");
        assertThat(r.headers().values(HeaderName.ROUTE)).hasSize(1);
    }

    @Test
    void undoesAStrictRouterThatPutOurRecordRouteInTheRequestUri() {
        SipRequest r = run("sip:pbx.example.com;lr", "Route: <sip:10.0.0.9;lr>, <sip:bob@10.0.0.7:5062>\n");
        assertThat(r.requestUri()).isEqualTo("sip:bob@10.0.0.7:5062");
        assertThat(r.headers().values(HeaderName.ROUTE)).containsExactly("<sip:10.0.0.9;lr>");
    }

    @Test
    void leavesARequestWithoutRoutesAsItIs() {
        RecordingContext context = RecordingContext.of(RecordingContext.request("INVITE", "sip:bob@example.com", ""));
        SipRequest before = context.request();
        preprocessor.process(context);
        assertThat(context.request()).isSameAs(before);
    }
}
