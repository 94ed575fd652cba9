package org.switchboard.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageBuilderTest {
    private static final String REQUEST = """
            INVITE sip:bob@biloxi.example.com SIP/2.0
            v: SIP/2.0/UDP a.example.com;branch=z9hG4bK1, SIP/2.0/UDP b.example.com;branch=z9hG4bK2
            Max-Forwards: 70
            To: <sip:bob@biloxi.example.com>
            From: <sip:alice@atlanta.example.com>;tag=1
            Call-ID: c1
            CSeq: 1 INVITE
            Timestamp: 54
            l: 0

            """;

    @Test
    void addFirstPutsTheNewViaOnTop() {
        SipRequest r = TestMessages.request(REQUEST).toBuilder()
                .addFirst(HeaderName.VIA, "SIP/2.0/UDP proxy.example.com;branch=z9hG4bKp").build();

        assertThat(r.vias()).extracting(Via::host).containsExactly("proxy.example.com", "a.example.com", "b.example.com");
        assertThat(r.headers().get(0).name()).isEqualTo(HeaderName.VIA);
    }

    @Test
    void removeFirstValueOfAMultiValueLineKeepsTheRest() {
        SipRequest r = TestMessages.request(REQUEST).toBuilder().removeFirstValue(HeaderName.VIA).build();

        assertThat(r.vias()).extracting(Via::host).containsExactly("b.example.com");
        assertThat(r.toBuilder().removeFirstValue(HeaderName.VIA).build().vias()).isEmpty();
    }

    @Test
    void setReplacesEveryLineInPlaceAndLeavesOthersUntouched() {
        SipRequest original = TestMessages.request(REQUEST);
        SipRequest r = original.toBuilder().set(HeaderName.MAX_FORWARDS, "69").requestUri("sip:bob@192.0.2.4").build();

        assertThat(r.maxForwards()).isEqualTo(69);
        assertThat(r.headers().get(1).name()).isEqualTo(HeaderName.MAX_FORWARDS);
        assertThat(r.requestUri()).isEqualTo("sip:bob@192.0.2.4");
        String encoded = new String(r.encode(), StandardCharsets.UTF_8);
        assertThat(encoded).contains("v: SIP/2.0/UDP a.example.com;branch=z9hG4bK1, SIP/2.0/UDP b.example.com")
                .contains("\r\nl: 0\r\n");
    }

    @Test
    void buildKeepsContentLengthRight() {
        SipRequest r = TestMessages.request(REQUEST).toBuilder()
                .body("v=0\r\n".getBytes(StandardCharsets.US_ASCII), "application/sdp").build();

        assertThat(r.header(HeaderName.CONTENT_LENGTH)).isEqualTo("5");
        assertThat(r.headers().count(HeaderName.CONTENT_LENGTH)).isEqualTo(1);
        assertThat(r.header(HeaderName.CONTENT_TYPE)).isEqualTo("application/sdp");
        byte[] wire = r.encode();
        assertThat(SipParser.parse(wire, 0, wire.length, false).message().defect()).isNull();

        SipRequest emptied = r.toBuilder().body(null, null).build();
        assertThat(emptied.header(HeaderName.CONTENT_LENGTH)).isEqualTo("0");
        assertThat(emptied.headers().contains(HeaderName.CONTENT_TYPE)).isFalse();
    }

    @Test
    void newRequestGetsContentLength() {
        SipRequest r = SipRequest.builder(SipMethod.OPTIONS, "sip:a@example.com")
                .add(HeaderName.VIA, "SIP/2.0/UDP h.example.com;branch=z9hG4bKn").build();

        assertThat(r.header(HeaderName.CONTENT_LENGTH)).isEqualTo("0");
        assertThat(new String(r.encode(), StandardCharsets.UTF_8)).startsWith("OPTIONS sip:a@example.com SIP/2.0\r\n");
    }

    @Test
    void responseCopiesViaFromToCallIdCSeqAndTimestampOnlyOn100() {
        SipRequest req = TestMessages.request(REQUEST);

        SipResponse trying = SipResponse.builderFor(req, 100, "Trying").build();
        SipResponse ok = SipResponse.builderFor(req, 200, "OK").toTag("t2").build();

        assertThat(trying.vias()).hasSize(2);
        assertThat(trying.header(HeaderName.TIMESTAMP)).isEqualTo("54");
        assertThat(trying.headers().contains(HeaderName.MAX_FORWARDS)).isFalse();
        assertThat(ok.headers().contains(HeaderName.TIMESTAMP)).isFalse();
        assertThat(ok.callId()).isEqualTo("c1");
        assertThat(ok.cseq()).isEqualTo(new CSeq(1, "INVITE"));
        assertThat(ok.from().tag()).isEqualTo("1");
        assertThat(ok.to().tag()).isEqualTo("t2");
        assertThat(ok.validate()).isNull();
        assertThat(new String(ok.encode(), StandardCharsets.UTF_8)).startsWith("SIP/2.0 200 OK\r\nv: SIP/2.0/UDP a.");
    }

    @Test
    void toTagKeepsAnExistingTag() {
        SipRequest req = TestMessages.request(REQUEST.replace("<sip:bob@biloxi.example.com>\n", "<sip:bob@biloxi.example.com>;tag=old\n"));

        assertThat(SipResponse.builderFor(req, 200, "OK").toTag("new").build().to().tag()).isEqualTo("old");
    }
}
