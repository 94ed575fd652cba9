package org.switchboard.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void removeFirstValueOfAFoldedLineOrASingleValueLine() {
        String folded = REQUEST.replace("v: SIP/2.0/UDP a.example.com;branch=z9hG4bK1, SIP/2.0/UDP",
                "v: SIP/2.0/UDP a.example.com;branch=z9hG4bK1,\n SIP/2.0/UDP");
        SipRequest r = TestMessages.request(folded).toBuilder().removeFirstValue(HeaderName.VIA).build();
        SipRequest single = TestMessages.request(REQUEST.replace("SIP/2.0/UDP a.example.com;branch=z9hG4bK1, ", ""))
                .toBuilder().removeFirstValue(HeaderName.VIA).build();

        assertThat(r.vias()).extracting(Via::host).containsExactly("b.example.com");
        assertThat(single.vias()).isEmpty();
        assertThat(new String(single.encode(), StandardCharsets.UTF_8))
                .startsWith("INVITE sip:bob@biloxi.example.com SIP/2.0\r\nMax-Forwards: 70\r\n");
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
    void maxForwardsSetsTheValueInPlaceAndRefusesValuesOutOfRange() {
        SipRequest original = TestMessages.request(REQUEST);
        SipRequest.Builder builder = original.toBuilder().maxForwards(0).maxForwards(255).maxForwards(69);
        SipRequest r = builder.build();

        assertThat(r.maxForwards()).isEqualTo(69);
        assertThat(r.headers().count(HeaderName.MAX_FORWARDS)).isEqualTo(1);
        assertThat(r.headers().get(1).name()).isEqualTo(HeaderName.MAX_FORWARDS);
        assertThat(new String(r.encode(), StandardCharsets.UTF_8)).contains("\r\nMax-Forwards: 69\r\n");
        assertThat(r.encode().length).isEqualTo(original.encode().length);
        assertThatThrownBy(() -> builder.maxForwards(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.maxForwards(256)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEncodedLengthFollowsEveryKindOfEdit() {
        String folded = "Timestamp: 54\nX-A: 1\nX-A:\n  2\nX-A: 3";
        SipRequest original = TestMessages.request(REQUEST.replace("Timestamp: 54", folded));
        SipRequest.Builder builder = original.toBuilder()
                .addFirst(HeaderName.VIA, "SIP/2.0/UDP proxy.example.com;branch=z9hG4bKp")
                .removeFirstValue(HeaderName.VIA)
                .set(HeaderName.of("x-a"), "\u00e9t\u00e9")
                .set(HeaderName.MAX_FORWARDS, "69")
                .add(HeaderName.SUBJECT, "hello")
                .remove(HeaderName.TIMESTAMP)
                .body("v=0\r\n".getBytes(StandardCharsets.US_ASCII), "application/sdp");
        SipRequest first = builder.build();
        SipRequest second = builder.removeFirstValue(HeaderName.VIA).removeFirstValue(HeaderName.VIA).build();

        for (SipRequest r : new SipRequest[] {first, second}) {
            Headers counted = r.headers().only(name -> true);
            assertThat(r.headers().encodedLength()).isEqualTo(counted.encodedLength());
            byte[] wire = r.encode();
            assertThat(SipParser.parse(wire, 0, wire.length, true).message().encode()).isEqualTo(wire);
        }
        assertThat(new String(second.encode(), StandardCharsets.UTF_8)).doesNotContain("Via")
                .contains("\r\nx-a: \u00e9t\u00e9\r\n");
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
    void messagesReceivedWithoutContentLengthAllGetZeroOrTheirBodyLength() {
        String noLength = REQUEST.replace("l: 0\n", "");
        SipRequest first = TestMessages.request(noLength).toBuilder().build();
        SipRequest second = TestMessages.request(noLength).toBuilder().set(HeaderName.MAX_FORWARDS, "69").build();
        SipRequest withBody = TestMessages.request(noLength).toBuilder().body(new byte[] {'x', 'y'}, "text/plain").build();

        assertThat(new String(first.encode(), StandardCharsets.UTF_8)).endsWith("Timestamp: 54\r\nContent-Length: 0\r\n\r\n");
        assertThat(new String(second.encode(), StandardCharsets.UTF_8)).endsWith("Timestamp: 54\r\nContent-Length: 0\r\n\r\n");
        assertThat(withBody.header(HeaderName.CONTENT_LENGTH)).isEqualTo("2");
        assertThat(first.encode()).hasSize(first.toString().length());
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

    @Test
    void receivedStartLineIsWrittenBackOnlyWhileItsPartsAreUnchanged() {
        SipRequest r = TestMessages.request(REQUEST.replace("INVITE sip:bob@biloxi.example.com", "INVITE sip:b%C3%B6b@biloxi.example.com"));

        assertThat(text(r.toBuilder().build().encode())).startsWith("INVITE sip:b%C3%B6b@biloxi.example.com SIP/2.0\r\n");
        assertThat(text(r.toBuilder().requestUri("sip:carol@c.example.com").build().encode()))
                .startsWith("INVITE sip:carol@c.example.com SIP/2.0\r\n");
    }

    @Test
    void startLineThatIsNotWrittenAsReceivedIsRebuiltFromItsParts() {
        SipMessage nonToken = TestMessages.parse(REQUEST.replace("INVITE sip:bob", "INV@TE sip:bob"));
        SipMessage noReason = TestMessages.parse("""
                SIP/2.0 180
                Via: SIP/2.0/UDP a.example.com;branch=z9hG4bK1
                l: 0

                """);
        SipMessage utf8 = TestMessages.parse(REQUEST.replace("INVITE sip:bob", "INVITE sip:b\u00f6b"));

        assertThat(text(nonToken.encode())).startsWith("UNKNOWN sip:bob@biloxi.example.com SIP/2.0\r\n");
        assertThat(text(noReason.encode())).startsWith("SIP/2.0 180 \r\n");
        assertThat(text(utf8.encode())).startsWith("INVITE sip:b\u00f6b@biloxi.example.com SIP/2.0\r\n");
    }

    @Test
    void receivedBodyIsCutOnlyWhenAskedAndForwardedUnchanged() {
        SipRequest r = TestMessages.request(REQUEST.replace("l: 0", "l: 5") + "hello trailing");

        SipRequest forwarded = r.toBuilder().set(HeaderName.MAX_FORWARDS, "69").build();

        assertThat(r.body()).isEqualTo("hello".getBytes(StandardCharsets.UTF_8)).isSameAs(r.body());
        assertThat(text(forwarded.encode())).endsWith("\r\nl: 5\r\n\r\nhello");
        assertThat(forwarded.body()).isEqualTo(r.body());
    }

    @Test
    void builderUsedAgainAfterBuildDoesNotChangeTheBuiltMessage() {
        SipRequest.Builder b = TestMessages.request(REQUEST).toBuilder();
        SipRequest first = b.build();
        String before = text(first.encode());

        SipRequest second = b.remove(HeaderName.TIMESTAMP).addFirst(HeaderName.VIA, "SIP/2.0/UDP p;branch=z9hG4bKp").build();

        assertThat(text(first.encode())).isEqualTo(before);
        assertThat(first.headers().contains(HeaderName.TIMESTAMP)).isTrue();
        assertThat(second.headers().contains(HeaderName.TIMESTAMP)).isFalse();
        assertThat(second.topVia().host()).isEqualTo("p");
    }

    @Test
    void theFirstEditOfEachKindCopiesTheTableAndLeavesTheMessageItCameFromUnchanged() {
        SipRequest original = TestMessages.request(REQUEST);
        // a field made before the copy must stay the origin's as it was
        assertThat(original.headers().get(5).value()).isEqualTo("1 INVITE");
        String before = text(original.encode());

        SipRequest inserted = original.toBuilder().addFirst(HeaderName.VIA, "SIP/2.0/UDP p;branch=z9hG4bKp").build();
        SipRequest appended = original.toBuilder().add(HeaderName.SUBJECT, "hi").build();
        SipRequest deleted = original.toBuilder().remove(HeaderName.TIMESTAMP).build();
        SipRequest popped = TestMessages.request(REQUEST.replace("SIP/2.0/UDP a.example.com;branch=z9hG4bK1, ", ""))
                .toBuilder().removeFirstValue(HeaderName.VIA).build();
        SipRequest replaced = original.toBuilder().maxForwards(69).build();
        SipRequest untouched = original.toBuilder().build();

        assertThat(text(original.encode())).isEqualTo(before);
        assertThat(original.headers().size()).isEqualTo(8);
        assertThat(original.maxForwards()).isEqualTo(70);
        assertThat(text(inserted.encode())).isEqualTo(before.replace("SIP/2.0\r\n",
                "SIP/2.0\r\nVia: SIP/2.0/UDP p;branch=z9hG4bKp\r\n"));
        assertThat(text(appended.encode())).isEqualTo(before.replace("l: 0\r\n", "l: 0\r\nSubject: hi\r\n"));
        assertThat(text(deleted.encode())).isEqualTo(before.replace("Timestamp: 54\r\n", ""));
        assertThat(text(popped.encode())).doesNotContain("Via").contains("SIP/2.0\r\nMax-Forwards: 70\r\n");
        assertThat(text(replaced.encode())).isEqualTo(before.replace("Max-Forwards: 70", "Max-Forwards: 69"));
        assertThat(text(untouched.encode())).isEqualTo(before);
        assertThat(inserted.headers().get(6).value()).isEqualTo("1 INVITE");
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
