package org.switchboard.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The RFC 4475 §3.1 parser torture tests, one message file each under messages/rfc4475/. */
class Rfc4475TortureTest {

    /** What a proxy reads from each valid message (§3.1.1); status 0 for requests. */
    static Stream<Arguments> validMessages() {
        return Stream.of(
                arguments("wsinv", 0, "390skdjuw", "wsinv.ndaksdj@192.0.2.1", 9, "INVITE", "98asjd8", "1918181833n", 68),
                arguments("intmeth", 0, "z9hG4bK-.!%66*_+`'~", "intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{",
                        139122385, "!interesting-Method0123456789_*+`.%indeed'~", "_token~1'+`*%!-.", null, 255),
                arguments("esc01", 0, "z9hG4bKkdjuw", "esc01.239409asdfakjkn23onasd0-3234", 234234, "INVITE", "938",
                        null, 87),
                arguments("escnull", 0, "z9hG4bKkdjuw", "escnull.39203ndfvkjdasfkq3w4otrq0adsfdfnavd", 14398234,
                        "REGISTER", "839923423", null, 70),
                arguments("esc02", 0, "z9hG4bK209%fzsnel234", "esc02.asdfnqwo34rq23i34jrjasdcnl23nrlknsdf", 29344,
                        "RE%47IST%45R", "f232jadfj23", null, 70),
                arguments("lwsdisp", 0, "z9hG4bKkdjuw", "lwsdisp.1234abcd@funky.example.com", 60, "OPTIONS", "323",
                        null, 70),
                arguments("longreq", 0, null, "longreq.one" + "really".repeat(20) + "longcallid", 3882340, "INVITE",
                        "12" + "982".repeat(50) + "424", null, 70),
                arguments("dblreq", 0, "z9hG4bKkdjuw23492", "dblreq.0ha0isndaksdj99sdfafnl3lk233412", 8, "REGISTER",
                        "43251j3j324", null, 8),
                arguments("semiuri", 0, "z9hG4bKkdjuw", "semiuri.0ha0isndaksdj", 8, "OPTIONS", "33242", null, 3),
                arguments("transports", 0, "z9hG4bKkdjuw", "transports.kijh4akdnaqjkwendsasfdj", 60, "OPTIONS", "323",
                        null, 70),
                arguments("mpart01", 0, "z9hG4bK-d87543-4dade06d0bdb11ee-1--d87543-",
                        "3d9485ad0c49859b@Zmx1ZmZ5LW1hYy0xNi5sb2NhbA..", 1, "MESSAGE", "2fb0dcc9", null, 70),
                arguments("unreason", 200, "z9hG4bK1324923", "unreason.1234ksdfak3j2erwedfsASdf", 35, "INVITE",
                        "11141343", "2229", -1),
                arguments("noreason", 100, "z9hG4bK2398ndaoe", "noreason.asndj203insdf99223ndf", 35, "INVITE",
                        "39ansfi3", "902jndnke3", -1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validMessages")
    void validMessageParsesAndYieldsTheFieldsAProxyReads(String name, int status, String branch, String callId,
            long cseq, String cseqMethod, String fromTag, String toTag, int maxForwards) {
        SipMessage m = parse(name);

        assertThat(m.validate()).isNull();
        assertThat(m.topVia().branch()).isEqualTo(branch);
        assertThat(m.callId()).isEqualTo(callId);
        assertThat(m.cseq()).isEqualTo(new CSeq(cseq, cseqMethod));
        assertThat(m.from().tag()).isEqualTo(fromTag);
        assertThat(m.to().tag()).isEqualTo(toTag);
        assertThat(m.maxForwards()).isEqualTo(maxForwards);
        if (status == 0) {
            assertThat(((SipRequest) m).requestUriScheme()).isEqualTo("sip");
            assertThat(((SipRequest) m).method()).isEqualTo(cseqMethod);
        } else {
            assertThat(((SipResponse) m).statusCode()).isEqualTo(status);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validMessages")
    void validMessageEncodesToItsOriginalBytes(String name) {
        byte[] wire = TestMessages.load("rfc4475/" + name + ".dat");
        SipMessage m = SipParser.parse(wire, 0, wire.length, true).message();

        byte[] expected = name.equals("dblreq") ? Arrays.copyOf(wire, indexOf(wire, "INVITE")) : wire;
        assertThat(m.encode()).isEqualTo(expected);
    }

    @Test
    void wsinvUnfoldsEveryFieldAndSplitsTheViaList() {
        SipRequest m = (SipRequest) parse("wsinv");

        assertThat(m.vias()).extracting(Via::transport, Via::host, Via::branch).containsExactly(
                org.assertj.core.groups.Tuple.tuple("UDP", "192.0.2.2", "390skdjuw"),
                org.assertj.core.groups.Tuple.tuple("TCP", "spindle.example.com", "z9hG4bK9ikj8"),
                org.assertj.core.groups.Tuple.tuple("UDP", "192.168.255.111", "z9hG4bK30239"));
        assertThat(m.header(HeaderName.of("NewFangledHeader"))).isEqualTo("newfangled value continued newfangled value");
        assertThat(m.header(HeaderName.of("UnknownHeaderWithUnusualValue"))).isEqualTo(";;,,;;,;");
        assertThat(m.header(HeaderName.SUBJECT)).isEmpty();
        assertThat(m.from().displayName()).isEqualTo("\"J Rosenberg \\\\\\\"\"");
        NameAddr contact = m.contacts().get(0);
        assertThat(contact.displayName()).isEqualTo("\"Quoted string \\\"\\\"\"");
        assertThat(contact.params().get("newparam")).isEqualTo("newvalue");
        assertThat(contact.params().has("secondparam")).isTrue();
        assertThat(contact.params().get("q")).isEqualTo("0.33");
        assertThat(m.sipRequestUri().params().has("unknownparam")).isTrue();
        assertThat(m.body()).hasSize(150);
    }

    @Test
    void intmethKeepsUnusualUserPasswordAndDisplayNames() {
        SipRequest m = (SipRequest) parse("intmeth");

        SipUri uri = m.sipRequestUri();
        assertThat(uri.user()).isEqualTo("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*");
        assertThat(uri.password()).isEqualTo("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)");
        assertThat(uri.host()).isEqualTo("example.com");
        assertThat(m.from().displayName()).isEqualTo("token1~` token2'+_ token3*%!.-");
        assertThat(m.from().params().getUnquoted("fromParam''~+*_!.-%")).isEqualTo("работающий");
        assertThat(m.to().displayName()).contains("NUL:\\\u0000");
        assertThat(m.header(HeaderName.of("extensionHeader-!.%*+_`'~"))).isEqualTo("\uFEFF大停電");
    }

    @Test
    void escapesStayAsWrittenInUserParts() {
        SipRequest esc01 = (SipRequest) parse("esc01");
        assertThat(esc01.sipRequestUri().user()).isEqualTo("sips%3Auser%40example.com");
        assertThat(esc01.sipRequestUri().host()).isEqualTo("example.net");
        assertThat(esc01.contacts().get(0).sipUri().params().get("n%61me")).isEqualTo("v%61lue%25%34%31");

        SipRequest escnull = (SipRequest) parse("escnull");
        assertThat(escnull.contacts()).extracting(c -> c.sipUri().user()).containsExactly("%00", "%00%00");

        SipRequest esc02 = (SipRequest) parse("esc02");
        assertThat(esc02.contacts()).extracting(c -> c.sipUri().user()).containsExactly("alias1", "alias3");
        assertThat(esc02.headers().count(HeaderName.of("C%6Fntact"))).isEqualTo(1);
    }

    @Test
    void semiuriUserPartHoldsTheSemicolon() {
        SipUri uri = ((SipRequest) parse("semiuri")).sipRequestUri();

        assertThat(uri.user()).isEqualTo("user;par=u%40example.net");
        assertThat(uri.host()).isEqualTo("example.com");
        assertThat(uri.params().isEmpty()).isTrue();
    }

    @Test
    void transportsKeepsUnknownTransports() {
        assertThat(parse("transports").vias()).extracting(Via::transport)
                .containsExactly("UDP", "SCTP", "TLS", "UNKNOWN", "TCP");
    }

    @Test
    void longreqKeepsAllThirtyFourVias() {
        SipRequest m = (SipRequest) parse("longreq");

        assertThat(m.vias()).hasSize(34);
        assertThat(m.vias().get(33).branch()).isEqualTo("very" + "long".repeat(50) + "branchvalue");
        assertThat(m.to().sipUri().port()).isEqualTo(6000);
        assertThat(m.to().sipUri().params().has("very" + "long".repeat(25) + "ParameterNameWithNoValue")).isTrue();
    }

    @Test
    void mpart01BodyKeepsItsBinaryPart() {
        SipMessage m = parse("mpart01");

        assertThat(m.body()).hasSize(553);
        assertThat(new String(m.body(), StandardCharsets.ISO_8859_1)).endsWith("--7a9cbec02ceef655--\r\n");
    }

    @Test
    void reasonPhrasesMayBeUtf8OrEmpty() {
        assertThat(((SipResponse) parse("unreason")).reasonPhrase())
                .isEqualTo("= 2**3 * 5**2 но сто девяносто девять - простое");
        assertThat(((SipResponse) parse("noreason")).reasonPhrase()).isEmpty();
    }

    @Test
    void dblreqIgnoresTheSecondMessageInTheDatagram() {
        SipMessage m = parse("dblreq");

        assertThat(m.body()).isEmpty();
        assertThat(m.defect()).isNull();
    }

    /** How an RFC 3261 proxy built on this model turns away each invalid message (§3.1.2). */
    enum Rejection {
        /** No start line could be read: a failed ParseResult; the transport drops the bytes. */
        PARSE_FAILURE,
        /** Framing or start-line problem found while splitting: defect(), answered 400. */
        DEFECT,
        /** A header or URI grammar error found by validate(), answered 400. */
        VALIDATE,
        /**
         * Well-formed but not SIP/2.0: the transport answers 505 before validating (RFC 3261 §21.5.7),
         * at the packet's source; see MessageReceiverTest and SipStackEndToEndTest for the answers.
         */
        VERSION,
        /** Syntax the proxy never reads; RFC 4475 says reject only if the element needs the field. */
        NOT_READ
    }

    static Stream<Arguments> invalidMessages() {
        return Stream.of(
                // §3.1.2.1: empty elements in the Via list and empty Contact parameters
                arguments("badinv01", Rejection.VALIDATE, "Empty element in header list"),
                // §3.1.2.2: Content-Length larger than the datagram
                arguments("clerr", Rejection.DEFECT, "Body shorter than Content-Length"),
                // §3.1.2.3: negative Content-Length
                arguments("ncl", Rejection.DEFECT, "Bad Content-Length"),
                // §3.1.2.4: CSeq above 2^31 (also Max-Forwards 300, huge Expires)
                arguments("scalar02", Rejection.VALIDATE, "CSeq too large"),
                // §3.1.2.5: response with an overlarge CSeq; the proxy drops a response it cannot validate
                arguments("scalarlg", Rejection.VALIDATE, "CSeq too large"),
                // §3.1.2.6: display name quote never closed
                arguments("quotbal", Rejection.VALIDATE, "Unterminated quoted string"),
                // §3.1.2.7: Request-URI in <>
                arguments("ltgtruri", Rejection.VALIDATE, "Bad Request-URI"),
                // §3.1.2.8: LWS inside the Request-URI
                arguments("lwsruri", Rejection.DEFECT, "Malformed Request-Line"),
                // §3.1.2.9: several SP between Request-Line elements
                arguments("lwsstart", Rejection.DEFECT, "Malformed Request-Line"),
                // §3.1.2.10: SP after the version; the RFC allows accepting or rejecting, we reject
                arguments("trws", Rejection.DEFECT, "Malformed Request-Line"),
                // §3.1.2.11: headers in the Request-URI, forbidden by RFC 3261 §19.1.1
                arguments("escruri", Rejection.VALIDATE, "Headers in the Request-URI"),
                // §3.1.2.12: non-GMT Date; a proxy does not use Date and forwards it untouched
                arguments("baddate", Rejection.NOT_READ, "Date"),
                // §3.1.2.13: addr-spec Contact with '?' headers must be in <>
                arguments("regbadct", Rejection.VALIDATE, "URI with headers must be enclosed in <>"),
                // §3.1.2.14: spaces inside <> around the addr-spec
                arguments("badaspec", Rejection.VALIDATE, "Bad URI in address"),
                // §3.1.2.15: unquoted display name with a comma
                arguments("baddn", Rejection.VALIDATE, "Bad display name"),
                // §3.1.2.16: SIP/7.0; answered 505 by the transport (validate() also fails on the Via)
                arguments("badvers", Rejection.VERSION, "Bad Via protocol version"),
                // §3.1.2.17: CSeq method differs from the request method
                arguments("mismatch01", Rejection.VALIDATE, "CSeq method does not match the request method"),
                // §3.1.2.18: unknown method with a mismatched CSeq method
                arguments("mismatch02", Rejection.VALIDATE, "CSeq method does not match the request method"),
                // §3.1.2.19: status code above 699; a response that cannot be parsed is dropped
                arguments("bigcode", Rejection.PARSE_FAILURE, "Bad status code in the status line"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidMessages")
    void invalidMessageIsTurnedAway(String name, Rejection rejection, String reason) {
        byte[] wire = TestMessages.load("rfc4475/" + name + ".dat");
        ParseResult result = SipParser.parse(wire, 0, wire.length, true);

        switch (rejection) {
            case PARSE_FAILURE -> assertThat(result.error()).isEqualTo(reason);
            case DEFECT -> {
                assertThat(result.message().defect()).isEqualTo(reason);
                assertThat(result.message().validate()).isEqualTo(reason);
            }
            case VALIDATE -> {
                assertThat(result.message().defect()).isNull();
                assertThat(result.message().validate()).isEqualTo(reason);
            }
            case VERSION -> {
                assertThat(result.message().sipVersion()).isNotEqualTo("SIP/2.0");
                assertThat(result.message().validate()).isEqualTo(reason);
            }
            case NOT_READ -> {
                assertThat(result.message().validate()).isNull();
                assertThat(result.message().headers().contains(HeaderName.of(reason))).isTrue();
            }
        }
    }

    private static SipMessage parse(String name) {
        byte[] wire = TestMessages.load("rfc4475/" + name + ".dat");
        ParseResult result = SipParser.parse(wire, 0, wire.length, true);
        assertThat(result.error()).isNull();
        return result.message();
    }

    private static int indexOf(byte[] b, String s) {
        return new String(b, StandardCharsets.ISO_8859_1).indexOf(s);
    }
}
