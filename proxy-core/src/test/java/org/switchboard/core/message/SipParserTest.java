package org.switchboard.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SipParserTest {
    private static final String INVITE = """
            INVITE sip:bob@biloxi.example.com SIP/2.0
            Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds
            Max-Forwards: 70
            To: Bob <sip:bob@biloxi.example.com>
            From: Alice <sip:alice@atlanta.example.com>;tag=1928301774
            Call-ID: a84b4c76e66710@pc33.atlanta.example.com
            CSeq: 314159 INVITE
            Contact: <sip:alice@pc33.atlanta.example.com>
            Content-Type: text/plain
            Content-Length: 5

            hello""";

    @Test
    void parsesARequest() {
        SipRequest r = TestMessages.request(INVITE);

        assertThat(r.method()).isEqualTo("INVITE");
        assertThat(r.requestUri()).isEqualTo("sip:bob@biloxi.example.com");
        assertThat(r.sipVersion()).isEqualTo("SIP/2.0");
        assertThat(r.headers().size()).isEqualTo(9);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(r.validate()).isNull();
    }

    @Test
    void parsesAResponse() {
        SipResponse r = (SipResponse) TestMessages.parse("""
                SIP/2.0 180 Ringing
                Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds
                To: Bob <sip:bob@biloxi.example.com>;tag=a6c85cf
                From: Alice <sip:alice@atlanta.example.com>;tag=1928301774
                Call-ID: a84b4c76e66710
                CSeq: 314159 INVITE
                Content-Length: 0

                """);

        assertThat(r.statusCode()).isEqualTo(180);
        assertThat(r.reasonPhrase()).isEqualTo("Ringing");
        assertThat(r.isProvisional()).isTrue();
        assertThat(r.validate()).isNull();
    }

    @Test
    void compactNamesAreTheSameHeaders() {
        SipRequest r = TestMessages.request("""
                OPTIONS sip:a@example.com SIP/2.0
                v: SIP/2.0/TCP h.example.com;branch=z9hG4bK1
                t: <sip:a@example.com>
                f: <sip:b@example.com>;tag=1
                i: abc
                CSeq: 1 OPTIONS
                m: <sip:b@h.example.com>
                l: 0

                """);

        assertThat(r.callId()).isEqualTo("abc");
        assertThat(r.topVia().transport()).isEqualTo("TCP");
        assertThat(r.contacts()).hasSize(1);
        assertThat(r.validate()).isNull();
    }

    @Test
    void headerNamesAreReadInAnySpellingWithWhitespaceBeforeTheColon() {
        SipMessage m = TestMessages.parse(INVITE.replace("Max-Forwards: 70", "mAX-fORWARDS \t: 70")
                .replace("Call-ID:", "I:").replace("Content-Type:", "X-Unknown-Name : y\nContent-Type:"));

        assertThat(m.defect()).isNull();
        assertThat(m.maxForwards()).isEqualTo(70);
        assertThat(m.callId()).isEqualTo("a84b4c76e66710@pc33.atlanta.example.com");
        assertThat(m.headers().firstValue(HeaderName.of("x-unknown-name"))).isEqualTo("y");
        assertThat(m.headers().get(0).name()).isSameAs(HeaderName.VIA);
    }

    @Test
    void aKnownNameFollowedByMoreThanWhitespaceBeforeTheColonIsADefect() {
        for (String line : new String[] {"Max-Forwards x: 70", "Max-Forwards\u00e9: 70", "Max-Forwards\n : 70"}) {
            SipMessage m = TestMessages.parse(INVITE.replace("Max-Forwards: 70", line));

            assertThat(m.defect()).as(line).isEqualTo("Malformed header line");
        }
    }

    @Test
    void aMethodThatIsNoTokenIsADefectOfTheRequestLine() {
        for (String method : new String[] {"INV\u00e9TE", "INV<TE"}) {
            SipMessage m = TestMessages.parse(INVITE.replace("INVITE sip:", method + " sip:"));

            assertThat(m.validate()).as(method).isEqualTo("Bad method in the Request-Line");
            assertThat(((SipRequest) m).method()).isEqualTo("UNKNOWN");
        }
        assertThat(TestMessages.parse(INVITE.replace("314159 INVITE", "314159 INV\u00e9TE")).validate())
                .isEqualTo("Bad CSeq method");
    }

    @Test
    void leadingLineBreaksAreIgnored() {
        assertThat(TestMessages.parseResult("\n\n" + INVITE, true).message()).isInstanceOf(SipRequest.class);
    }

    @Test
    void headerLineWithoutColonIsADefect() {
        SipMessage m = TestMessages.parse(INVITE.replace("Max-Forwards: 70", "Max-Forwards 70"));

        assertThat(m.defect()).isEqualTo("Malformed header line");
        assertThat(m.validate()).isEqualTo("Malformed header line");
    }

    @Test
    void shortBodyInADatagramIsADefect() {
        SipMessage m = TestMessages.parse(INVITE.replace("Content-Length: 5", "Content-Length: 6"));

        assertThat(m.defect()).isEqualTo("Body shorter than Content-Length");
    }

    @Test
    void extraDatagramBytesAfterTheBodyAreDropped() {
        SipMessage m = TestMessages.parse(INVITE + "trailing junk");

        assertThat(m.defect()).isNull();
        assertThat(m.body()).isEqualTo("hello".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void datagramWithoutContentLengthTakesTheRestAsBody() {
        SipMessage m = TestMessages.parse(INVITE.replace("Content-Length: 5\n", ""));

        assertThat(m.defect()).isNull();
        assertThat(m.body()).hasSize(5);
    }

    @Test
    void streamMessageWithoutContentLengthIsADefect() {
        ParseResult r = TestMessages.parseResult(INVITE.replace("Content-Length: 5\n", ""), false);

        assertThat(r.message().defect()).isEqualTo("Missing Content-Length on a stream transport");
    }

    @Test
    void conflictingContentLengthsAreADefect() {
        SipMessage m = TestMessages.parse(INVITE.replace("Content-Length: 5", "Content-Length: 5\nl: 4"));

        assertThat(m.defect()).isEqualTo("Conflicting Content-Length headers");
    }

    @Test
    void tooManyHeadersIsADefect() {
        String many = "X-Filler: x\n".repeat(SipParser.MAX_HEADERS);
        SipMessage m = TestMessages.parse(INVITE.replace("Max-Forwards: 70\n", "Max-Forwards: 70\n" + many));

        assertThat(m.defect()).isEqualTo("Too many header lines");
        assertThat(m.headers().size()).isEqualTo(SipParser.MAX_HEADERS);
    }

    @Test
    void missingBlankLineIsADefect() {
        SipMessage m = TestMessages.parse("OPTIONS sip:a@example.com SIP/2.0\nCall-ID: x\n");

        assertThat(m.defect()).isEqualTo("Missing blank line after the headers");
    }

    @Test
    void bytesWithoutASipStartLineFailToParse() {
        assertThat(TestMessages.parseResult("GET / HTTP/1.1\nHost: x\n\n", true).error())
                .isEqualTo("Not a SIP start line");
        assertThat(TestMessages.parseResult("\u0001\u0002garbage\n\n", true).error())
                .isEqualTo("Control character in the start line");
        assertThat(TestMessages.parseResult("\n\n", true).error()).isEqualTo("Empty message");
        assertThat(TestMessages.parseResult("INVITE", true).error()).isEqualTo("No line break after the start line");
        assertThat(TestMessages.parseResult("SIP/2.0 20 OK\n\n", true).error())
                .isEqualTo("Bad status code in the status line");
        assertThat(TestMessages.parseResult("SIP/x 200 OK\n\n", true).error())
                .isEqualTo("Bad SIP version in the status line");
    }

    @Test
    void wellFormedMessageEncodesToTheSameBytes() {
        String text = """
                REGISTER sip:example.com SIP/2.0
                v: SIP/2.0/UDP h.example.com;branch=z9hG4bK1 , SIP/2.0/UDP g.example.com;branch=z9hG4bK0
                To:   <sip:a@example.com>
                f: <sip:a@example.com>
                 ;tag=77
                Call-ID: 1@h
                CSeq: 1 REGISTER
                X-Unknown:  odd  ,, value\t
                Subject: Grüße
                l: 3

                abc""";
        byte[] wire = TestMessages.wire(text);

        SipMessage m = SipParser.parse(wire, 0, wire.length, false).message();

        assertThat(m.validate()).isNull();
        assertThat(m.from().tag()).isEqualTo("77");
        assertThat(m.encode()).isEqualTo(wire);
    }

    @Test
    void messageWithBareLfLineEndsIsEncodedWithCrlf() {
        String text = "OPTIONS sip:a@example.com SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nTo: <sip:a@example.com>\n"
                + "From: <sip:b@example.com>;tag=1\nCall-ID: 1@h\nCSeq: 1 OPTIONS\nContent-Length: 0\n\n";
        byte[] lf = text.getBytes(StandardCharsets.US_ASCII);

        SipMessage m = SipParser.parse(lf, 0, lf.length, true).message();

        assertThat(new String(m.encode(), StandardCharsets.US_ASCII)).isEqualTo(text.replace("\n", "\r\n"));
    }

    @Test
    void untouchedLinesAroundAChangedOneKeepTheirBytes() {
        byte[] wire = TestMessages.wire("""
                OPTIONS sip:a@example.com SIP/2.0
                v:  SIP/2.0/UDP h;branch=z9hG4bK1
                To: <sip:a@example.com>
                Max-Forwards: 70
                f: <sip:b@example.com>;tag=1
                i: 1@h
                CSeq: 1 OPTIONS
                l: 0

                """);
        SipRequest r = (SipRequest) SipParser.parse(wire, 0, wire.length, true).message();

        byte[] out = r.toBuilder().set(HeaderName.MAX_FORWARDS, "69").build().encode();

        assertThat(new String(out, StandardCharsets.US_ASCII)).isEqualTo(new String(wire, StandardCharsets.US_ASCII)
                .replace("Max-Forwards: 70", "Max-Forwards: 69"));
    }

    @Test
    void headerSectionEndFindsTheBlankLine() {
        byte[] wire = TestMessages.wire(INVITE);
        int end = SipParser.headerSectionEnd(wire, 0, wire.length);

        assertThat(end).isEqualTo(wire.length - 5);
        assertThat(SipParser.headerSectionEnd(wire, 0, end - 1)).isEqualTo(-1);
    }

    @Test
    void randomAndMutatedBytesNeverThrowAnythingButSipParseException() {
        Random random = new Random(4475);
        byte[][] seeds = {
            TestMessages.wire(INVITE),
            TestMessages.load("rfc4475/wsinv.dat"),
            TestMessages.load("rfc4475/intmeth.dat"),
            TestMessages.load("rfc5118/ipv4-mapped-ipv6.dat"),
        };
        byte[] alphabet = "<>\";:,@[]/ \t\r\n%\\=?sip:SIP/2.0zZ9".getBytes(StandardCharsets.US_ASCII);
        for (int round = 0; round < 5000; round++) {
            byte[] b;
            if (round % 10 == 0) {
                b = new byte[random.nextInt(300)];
                random.nextBytes(b);
            } else {
                b = seeds[random.nextInt(seeds.length)].clone();
                int edits = 1 + random.nextInt(8);
                for (int e = 0; e < edits; e++) {
                    int at = random.nextInt(b.length);
                    b[at] = random.nextBoolean() ? alphabet[random.nextInt(alphabet.length)] : (byte) random.nextInt();
                }
            }
            boolean datagram = random.nextBoolean();
            ParseResult result = SipParser.parse(b, 0, b.length, datagram);
            SipParser.headerSectionEnd(b, 0, b.length);
            if (result.isSuccess()) {
                touchEverything(result.message());
            }
        }
    }

    private static void touchEverything(SipMessage m) {
        m.validate();
        m.encode();
        m.toString();
        for (HeaderField f : m.headers()) {
            f.value();
            quietly(() -> m.headers().values(f.name()));
        }
        quietly(() -> m.vias().forEach(v -> {
            v.branch();
            v.rport();
            v.sentBy();
            v.received();
            v.toString();
        }));
        quietly(m::topVia);
        quietly(m::callId);
        quietly(m::cseq);
        quietly(m::maxForwards);
        for (java.util.function.Supplier<NameAddr> a : java.util.List.<java.util.function.Supplier<NameAddr>>of(
                m::from, m::to)) {
            quietly(() -> {
                NameAddr n = a.get();
                if (n != null) {
                    n.tag();
                    n.toString();
                    n.sipUri().toString();
                }
            });
        }
        quietly(() -> m.contacts().forEach(c -> c.sipUri().addressOfRecord()));
        if (m instanceof SipRequest r) {
            quietly(r::requestUriScheme);
            quietly(() -> r.sipRequestUri().transportParam());
        }
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (SipParseException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
