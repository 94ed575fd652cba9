package org.switchboard.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameAddrTest {

    @Test
    void quotedDisplayNameWithEscapes() {
        NameAddr a = NameAddr.parse("\"A \\\"B\\\" \\\\ C\" <sip:a@example.com;transport=tcp>;tag=1");

        assertThat(a.displayName()).isEqualTo("\"A \\\"B\\\" \\\\ C\"");
        assertThat(a.uri()).isEqualTo("sip:a@example.com;transport=tcp");
        assertThat(a.sipUri().transportParam()).isEqualTo("tcp");
        assertThat(a.tag()).isEqualTo("1");
    }

    @Test
    void tokenDisplayName() {
        NameAddr a = NameAddr.parse("Alice Smith <sip:alice@example.com>");

        assertThat(a.displayName()).isEqualTo("Alice Smith");
        assertThat(a.toString()).isEqualTo("Alice Smith <sip:alice@example.com>");
    }

    @Test
    void addrSpecParametersBelongToTheHeader() {
        NameAddr a = NameAddr.parse("sip:bob@example.com;tag=abc;x");

        assertThat(a.uri()).isEqualTo("sip:bob@example.com");
        assertThat(a.tag()).isEqualTo("abc");
        assertThat(a.params().has("x")).isTrue();
        assertThat(a.sipUri().params().isEmpty()).isTrue();
    }

    @Test
    void nonSipUrisPassThrough() {
        NameAddr tel = NameAddr.parse("<tel:+1-212-555-0101>;tag=9");

        assertThat(tel.isSip()).isFalse();
        assertThat(tel.uri()).isEqualTo("tel:+1-212-555-0101");
        assertThat(tel.tag()).isEqualTo("9");
        assertThatThrownBy(tel::sipUri).isInstanceOf(SipParseException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<sip:a@example.com>;tag=1", "<sip:a@example.com>;TAG=Ab", "<sip:a@example.com>;x=1;Tag=2;tag=3",
        "<sip:a@example.com>;tag", "<sip:a@example.com>;x=\";tag=1\";tag=2", "<sip:a@example.com> ; tag = 7 ",
        "<sip:a@example.com;tag=uri>;tagx=1;xtag=2", "<sip:a@example.com>", "sip:a@example.com;tag=\"q\""})
    void theTagFoundWhileParsingIsTheOneTheParametersHold(String value) {
        NameAddr parsed = NameAddr.parse(value);
        String tag = parsed.tag();

        assertThat(tag).isEqualTo(NameAddr.parse(value).params().get("tag"));
        assertThat(parsed.withParam("x", "y").tag()).isEqualTo(tag);
        SipRequest r = TestMessages.request("""
                OPTIONS sip:a@example.com SIP/2.0
                Via: SIP/2.0/UDP h.example.com;branch=z9hG4bK1
                From: <sip:b@example.com>;tag=f
                To: <sip:a@example.com>
                Call-ID: c
                CSeq: 1 OPTIONS
                Contact: <sip:c@example.com>;tag=first, %s
                Content-Length: 0

                """.formatted(value));
        assertThat(r.contacts().get(1).tag()).isEqualTo(tag);
        assertThat(r.contacts().get(0).tag()).isEqualTo("first");
    }

    @Test
    void withParamAddsATag() {
        assertThat(NameAddr.parse("<sip:a@example.com>").withParam("tag", "x").toString())
                .isEqualTo("<sip:a@example.com>;tag=x");
    }

    @Test
    void whitespaceInsideTheBracketsIsReportedAfterAMissingScheme() {
        assertThatThrownBy(() -> NameAddr.parse("<sip:a@b\t;lr>")).hasMessage("Whitespace in URI");
        assertThatThrownBy(() -> NameAddr.parse("<a b>")).hasMessage("Bad URI in address");
        assertThatThrownBy(() -> NameAddr.parse("<sip:a@b")).hasMessage("Missing '>' in address");
        assertThat(NameAddr.parse("<sip:a\"@b>").uri()).as("a quote outside a list").isEqualTo("sip:a\"@b");
    }

    @Test
    void aQuoteOrOpeningBracketInsideTheBracketsOfAListElementIsLeftToSplitting() {
        byte[] b = "<sip:a@b>, <sip:c\"@d>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int[] next = new int[3];

        assertThat(NameAddr.parseElement(b, 0, b.length, next).sipUri().host()).isEqualTo("b");
        assertThat(next[0]).isEqualTo(9);
        assertThatThrownBy(() -> NameAddr.parseElement(b, 10, b.length, next))
                .hasMessage("Quote or '<' in an address in a list");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"unterminated <sip:a@b>", "\"x\" sip:a@b", "<sip:a@b", "Bell, A <sip:a@b>",
        "< sip:a@b >", "<>", "sip:a@b?x=y", "<sip:a@b>;;", "<sip:a@b> junk", "nouri"})
    void rejectsInvalidAddresses(String value) {
        assertThatThrownBy(() -> NameAddr.parse(value)).isInstanceOf(SipParseException.class);
    }

    @Test
    void parametersReadLaterAreTheOnesWritten() {
        NameAddr a = NameAddr.parse("<sip:201@192.0.2.1;line=k2>;reg-id=1;+sip.instance=\"<urn:uuid:7e1c>\";audio ;q = 1.0");

        assertThat(a.params().names()).containsExactly("reg-id", "+sip.instance", "audio", "q");
        assertThat(a.params().get("+sip.instance")).isEqualTo("\"<urn:uuid:7e1c>\"");
        assertThat(a.params().get("q")).isEqualTo("1.0");
        assertThat(a.params()).isSameAs(a.params());
        assertThat(a.toString()).isEqualTo("<sip:201@192.0.2.1;line=k2>;reg-id=1;+sip.instance=\"<urn:uuid:7e1c>\";audio;q=1.0");
    }

    @Test
    void listElementParametersEndAtTheComma() {
        byte[] b = Grammar.utf8("<sip:a@b>;expires=5;x , <sip:c@d>;expires=7");
        int[] next = new int[3];

        NameAddr first = NameAddr.parseElement(b, 0, b.length, next);
        NameAddr second = NameAddr.parseElement(b, next[0] + 1, b.length, next);

        assertThat(first.params().names()).containsExactly("expires", "x");
        assertThat(second.params().get("expires")).isEqualTo("7");
        assertThat(first.withParam("expires", "9").toString()).isEqualTo("<sip:a@b>;expires=9;x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<sip:a@b>;feature=\"open", "<sip:a@b>;audio;=1", "<sip:a@b>;a=1 junk", "sip:a@b;q="})
    void malformedParametersAreRejectedWhenTheAddressIsParsed(String value) {
        assertThatThrownBy(() -> NameAddr.parse(value)).isInstanceOf(SipParseException.class);
    }
}
