package org.switchboard.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadersTest {

    @Test
    void commasInsideQuotesAndAngleBracketsDoNotSplit() {
        List<String> out = new ArrayList<>();

        Headers.splitList("\"Doe, John\" <sip:j@x;a=1,2>;q=0.5, <sip:k@y>, sip:l@z", out);

        assertThat(out).containsExactly("\"Doe, John\" <sip:j@x;a=1,2>;q=0.5", "<sip:k@y>", "sip:l@z");
    }

    @Test
    void escapedQuoteStaysInsideTheQuotedString() {
        List<String> out = new ArrayList<>();

        Headers.splitList("\"a\\\", b\" <sip:a@x>, <sip:b@x>", out);

        assertThat(out).hasSize(2);
    }

    @Test
    void aValueWithoutCommaOrQuoteIsOneTrimmedElementAndAnEmptyOrUnterminatedOneAnError() {
        List<String> out = new ArrayList<>();

        Headers.splitList(" \tSIP/2.0/UDP 10.0.0.2:5060;branch=z9hG4bKsb7a31c0f2 <x> ", out);

        assertThat(out).containsExactly("SIP/2.0/UDP 10.0.0.2:5060;branch=z9hG4bKsb7a31c0f2 <x>");
        assertThatThrownBy(() -> Headers.splitList("  ", new ArrayList<>())).hasMessage("Empty element in header list");
        assertThatThrownBy(() -> Headers.splitList("a \"b", new ArrayList<>())).hasMessage("Unterminated quoted string");
    }

    @Test
    void emptyElementIsAnError() {
        assertThatThrownBy(() -> Headers.splitList("a, ,b", new ArrayList<>())).isInstanceOf(SipParseException.class);
    }

    @Test
    void valuesJoinRepeatedLinesAndSplitListsButNotOtherHeaders() {
        Headers h = TestMessages.parse("""
                OPTIONS sip:a@example.com SIP/2.0
                Via: SIP/2.0/UDP a;branch=z9hG4bK1, SIP/2.0/UDP b;branch=z9hG4bK2
                Subject: hello, world
                v: SIP/2.0/UDP c;branch=z9hG4bK3

                """).headers();

        assertThat(h.values(HeaderName.VIA)).hasSize(3);
        assertThat(h.values(HeaderName.SUBJECT)).containsExactly("hello, world");
        assertThat(h.count(HeaderName.VIA)).isEqualTo(2);
        assertThat(h.all(HeaderName.VIA)).hasSize(2);
        assertThat(h.firstValue(HeaderName.CALL_ID)).isNull();
        assertThat(h.first(HeaderName.SUBJECT).value()).isEqualTo("hello, world");
    }

    @Test
    void contactListsReadTheSameInOnePassAsSplitFirst() {
        SipMessage m = TestMessages.parse("""
                REGISTER sip:example.com SIP/2.0
                Contact: <sip:a@x;p=1>;q=0.5;d="x, <y>" , "Doe, J" <sip:b@y>
                m: sip:c@z;expires=5
                Contact: Bob <sip:d@w>

                """);

        assertThat(m.contacts()).extracting(NameAddr::uri).containsExactly("sip:a@x;p=1", "sip:b@y", "sip:c@z", "sip:d@w");
        assertThat(m.contacts().get(0).params().get("d")).isEqualTo("\"x, <y>\"");
        assertThat(m.contacts().get(1).displayName()).isEqualTo("\"Doe, J\"");
        assertThat(m.contacts().get(2).params().get("expires")).isEqualTo("5");
    }

    @Test
    void aSingleAddressOrSeveralComeAsAnUnmodifiableList() {
        SipMessage one = TestMessages.parse("""
                REGISTER sip:example.com SIP/2.0
                Route: <sip:p1;lr>
                Contact: <sip:a@x>;expires=5

                """);
        SipMessage two = TestMessages.parse("""
                REGISTER sip:example.com SIP/2.0
                Contact: <sip:a@x>
                Contact: <sip:b@y>

                """);

        assertThat(one.contacts()).extracting(NameAddr::uri).containsExactly("sip:a@x");
        assertThat(one.routes()).extracting(NameAddr::uri).containsExactly("sip:p1;lr");
        assertThat(one.contacts().contains(null)).isFalse();
        assertThat(two.contacts()).extracting(NameAddr::uri).containsExactly("sip:a@x", "sip:b@y");
        assertThatThrownBy(() -> one.contacts().add(null)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> one.contacts().set(0, null)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> two.contacts().remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void contactListsThatOnlySplittingReadsRightFallBackToIt() {
        SipMessage star = TestMessages.parse("""
                REGISTER sip:example.com SIP/2.0
                Contact: *

                """);
        SipMessage quoteInUri = TestMessages.parse("""
                REGISTER sip:example.com SIP/2.0
                Contact: <sip:a"b@x>, <sip:c@y>

                """);
        SipMessage emptyElement = TestMessages.parse("""
                REGISTER sip:example.com SIP/2.0
                Contact: <sip:a@x>, , <sip:c@y>

                """);

        assertThat(star.contacts()).isEmpty();
        assertThatThrownBy(quoteInUri::contacts).isInstanceOf(SipParseException.class).hasMessage("Unterminated quoted string");
        assertThatThrownBy(emptyElement::contacts).isInstanceOf(SipParseException.class).hasMessage("Empty element in header list");
    }

    @Test
    void routesAndRecordRoutesAreReadAsAddressesInOrder() {
        SipMessage m = TestMessages.parse("""
                INVITE sip:bob@example.com SIP/2.0
                Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr;ftag=a1b>
                Record-Route: <sip:rr.example.com;lr>
                Route: <sip:[2001:db8::1]:5070;lr>;x=1

                """);

        assertThat(m.routes()).extracting(NameAddr::uri)
                .containsExactly("sip:p1.example.com;lr", "sip:p2.example.com;lr;ftag=a1b", "sip:[2001:db8::1]:5070;lr");
        assertThat(m.routes()).extracting(NameAddr::toString).containsExactlyElementsOf(m.headers().values(HeaderName.ROUTE));
        assertThat(m.routes().get(2).sipUri().host()).isEqualTo("[2001:db8::1]");
        assertThat(m.routes().get(2).params().get("x")).isEqualTo("1");
        assertThat(m.recordRoutes()).extracting(a -> a.sipUri().host()).containsExactly("rr.example.com");
        assertThat(m.contacts()).isEmpty();
    }

    @Test
    void routesWithoutRouteHeadersAreEmptyAndAMalformedOneIsAnError() {
        SipMessage none = TestMessages.parse("""
                OPTIONS sip:bob@example.com SIP/2.0

                """);
        SipMessage star = TestMessages.parse("""
                OPTIONS sip:bob@example.com SIP/2.0
                Route: <sip:p1.example.com;lr>, *

                """);

        assertThat(none.routes()).isEmpty();
        assertThat(none.recordRoutes()).isEmpty();
        assertThatThrownBy(star::routes).isInstanceOf(SipParseException.class).hasMessage("Bad URI in address");
    }

    @Test
    void lookUpsFindEveryLineWhetherANameIsAbsentSingleOrRepeatedInAnySpelling() {
        SipMessage m = TestMessages.parse("""
                OPTIONS sip:a@example.com SIP/2.0
                Via: SIP/2.0/UDP h1;branch=z9hG4bK1
                X-Other: 1
                v: SIP/2.0/UDP h2;branch=z9hG4bK2
                Call-ID: c
                VIA: SIP/2.0/UDP h3;branch=z9hG4bK3
                l: 0

                """);
        Headers h = m.headers();

        assertThat(h.count(HeaderName.VIA)).isEqualTo(3);
        assertThat(m.vias()).extracting(Via::host).containsExactly("h1", "h2", "h3");
        assertThat(h.count(HeaderName.CALL_ID)).isEqualTo(1);
        assertThat(h.all(HeaderName.ROUTE)).isEmpty();
        assertThat(h.values(HeaderName.of("x-other"))).containsExactly("1");
        assertThat(h.only(name -> name != HeaderName.CALL_ID).count(HeaderName.VIA)).isEqualTo(3);
    }

    @Test
    void aParsedTableFindsTheFirstLineOfEveryNameAsAScanWould() {
        StringBuilder text = new StringBuilder("OPTIONS sip:a@example.com SIP/2.0\n");
        // every known name that has a first-line slot and some that have none, in compact and odd
        // spellings, some twice, behind enough other lines that the last index needs all eight bits
        text.append("X-Filler: 1\n".repeat(200));
        text.append("v: SIP/2.0/UDP h1;branch=z9hG4bK1\nsubject: s\nRecord-Route: <sip:rr>\nRSeq: 1\n");
        text.append("Via: SIP/2.0/UDP h2;branch=z9hG4bK2\nf: <sip:f>;tag=1\nTO: <sip:t>\ni: c\nCSeq: 1 OPTIONS\n");
        text.append("Max-Forwards: 70\nm: <sip:m>\nRoute: <sip:r>\nc: text/plain\ne: gzip\nk: path\n");
        text.append("Require: x\nProxy-Require: y\nUser-Agent: u\n".repeat(2));
        text.append("l: 0\n\n");
        Headers parsed = TestMessages.parse(text.toString()).headers();
        Headers built = parsed.only(name -> true);

        assertThat(parsed.size()).isEqualTo(222);
        for (HeaderName name : List.of(HeaderName.VIA, HeaderName.FROM, HeaderName.TO, HeaderName.CALL_ID,
                HeaderName.CSEQ, HeaderName.MAX_FORWARDS, HeaderName.CONTACT, HeaderName.ROUTE,
                HeaderName.RECORD_ROUTE, HeaderName.CONTENT_LENGTH, HeaderName.CONTENT_TYPE,
                HeaderName.CONTENT_ENCODING, HeaderName.SUBJECT, HeaderName.SUPPORTED, HeaderName.REQUIRE,
                HeaderName.PROXY_REQUIRE, HeaderName.USER_AGENT, HeaderName.RSEQ, HeaderName.ALLOW,
                HeaderName.of("X-Filler"))) {
            assertThat(parsed.indexOf(name, 0)).as(name.canonical()).isEqualTo(built.indexOf(name, 0));
            assertThat(parsed.count(name)).as(name.canonical()).isEqualTo(built.count(name));
        }
        assertThat(parsed.indexOf(HeaderName.CONTENT_LENGTH, 0)).isEqualTo(221);
        assertThat(parsed.indexOf(HeaderName.VIA, 0)).isEqualTo(200);
        assertThat(parsed.indexOf(HeaderName.VIA, 201)).isEqualTo(204);
        assertThat(parsed.indexOf(HeaderName.ALLOW, 0)).isEqualTo(-1);
        assertThat(parsed.indexOf(HeaderName.SUPPORTED, 0)).isEqualTo(214);
    }

    @Test
    void aBuiltMessageFindsTheLinesItsBuilderAdded() {
        SipRequest r = TestMessages.request("""
                OPTIONS sip:a@example.com SIP/2.0
                Via: SIP/2.0/UDP h1;branch=z9hG4bK1
                Call-ID: c
                Content-Length: 0

                """).toBuilder()
                .add(HeaderName.ROUTE, "<sip:r1>")
                .add(HeaderName.ROUTE, "<sip:r2>")
                .add(HeaderName.VIA, "SIP/2.0/UDP h2;branch=z9hG4bK2")
                .add(HeaderName.CONTENT_LENGTH, "7")
                .build();

        assertThat(r.routes()).extracting(NameAddr::uri).containsExactly("sip:r1", "sip:r2");
        assertThat(r.vias()).extracting(Via::host).containsExactly("h1", "h2");
        assertThat(r.headers().count(HeaderName.CONTENT_LENGTH)).as("the builder's own Content-Length only").isEqualTo(1);
        assertThat(r.toBuilder().set(HeaderName.VIA, "SIP/2.0/UDP h3;branch=z9hG4bK3").build().vias())
                .extracting(Via::host).containsExactly("h3");
    }
}
