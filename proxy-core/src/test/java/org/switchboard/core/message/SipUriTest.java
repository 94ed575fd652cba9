package org.switchboard.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SipUriTest {

    @Test
    void parsesAllParts() {
        SipUri u = SipUri.parse("sips:alice:secret@atlanta.example.com:5061;transport=TCP;lr?subject=x%20y&p=1");

        assertThat(u.isSecure()).isTrue();
        assertThat(u.user()).isEqualTo("alice");
        assertThat(u.password()).isEqualTo("secret");
        assertThat(u.host()).isEqualTo("atlanta.example.com");
        assertThat(u.port()).isEqualTo(5061);
        assertThat(u.transportParam()).isEqualTo("tcp");
        assertThat(u.isLooseRouting()).isTrue();
        assertThat(u.headers()).isEqualTo("subject=x%20y&p=1");
        assertThat(u.toString()).isEqualTo("sips:alice:secret@atlanta.example.com:5061;transport=TCP;lr?subject=x%20y&p=1");
    }

    @Test
    void userMayHoldEscapesAndSemicolons() {
        SipUri u = SipUri.parse("sip:user;par=u%40example.net@example.com");

        assertThat(u.user()).isEqualTo("user;par=u%40example.net");
        assertThat(u.params().isEmpty()).isTrue();
    }

    @Test
    void ipv4AndIpv6Hosts() {
        assertThat(SipUri.parse("sip:192.0.2.1:5060").host()).isEqualTo("192.0.2.1");
        SipUri v6 = SipUri.parse("sip:bob@[2001:db8::1]:5070;maddr=[2001:db8::2]");
        assertThat(v6.host()).isEqualTo("[2001:db8::1]");
        assertThat(v6.hostAddress()).isEqualTo("2001:db8::1");
        assertThat(v6.port()).isEqualTo(5070);
        assertThat(v6.params().get("maddr")).isEqualTo("[2001:db8::2]");
        assertThat(SipUri.parse("sip:[::ffff:192.0.2.1]").host()).isEqualTo("[::ffff:192.0.2.1]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tel:+1234", "sip:", "sip:@example.com", "sip:a b@example.com", "sip:a@example.com:99999",
        "sip:a@example.com:", "sip:a@[2001:db8::1", "sip:a@[2001:db8:::1]", "sip:a@[1:2:3:4:5:6:7:8:9]",
        "sip:a@[12345::1]", "sip:a@1.2.3.256", "sip:a@1.2.3", "sip:a@-host.example.com", "sip:a@example..com",
        "sip:a%2@example.com", "sip:a<b@example.com", "sip:a:p;w@example.com", "sip:a@example.com;=x",
        "sip:a@example.com junk", "sip:a@example.com?x=<y>", "sip:2001:db8::10"})
    void rejectsInvalidUris(String uri) {
        assertThatThrownBy(() -> SipUri.parse(uri)).isInstanceOf(SipParseException.class);
    }

    @Test
    void hostsThatStartLikeAnIpv4AddressAreCheckedAsHostNames() {
        assertThat(SipUri.parse("sip:1.2.3.4.example.com;lr").host()).isEqualTo("1.2.3.4.example.com");
        assertThat(SipUri.parse("sip:a@001.02.3.255:5060").host()).isEqualTo("001.02.3.255");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sip:1.2.3.4a", "sip:1.2.3.4.5", "sip:1234.1.1.1", "sip:1.2.3.4-", "sip:1.2.3.", "sip:1.2..3",
        "sip:256.1.1.1;lr", "sip:1.2.3.4.", "sip:1.2.3.0004"})
    void rejectsHostsThatAreAlmostIpv4Addresses(String uri) {
        assertThatThrownBy(() -> SipUri.parse(uri)).isInstanceOf(SipParseException.class);
    }

    @Test
    void aParsedUserPartReadsAndComparesAsOneGivenAsAString() {
        SipUri parsed = SipUri.parse("sip:alice@h.example.com");
        SipUri made = SipUri.of("alice", "h.example.com", -1);

        assertThat(parsed).isEqualTo(made).hasSameHashCodeAs(made);
        assertThat(parsed.withHostPort("g.example.com", 5070).user()).isEqualTo("alice");
        assertThat(parsed.addressOfRecord().toString()).isEqualTo("sip:alice@h.example.com");
        assertThat(SipUri.parse("sip:h.example.com").user()).isNull();
        assertThat(SipUri.parse("sip:bob:pw@h").user()).isEqualTo("bob");
    }

    @Test
    void schemeOfAcceptsAnyRfc3986Scheme() {
        assertThat(SipUri.schemeOf("SIPS:a@b")).isEqualTo("sips");
        assertThat(SipUri.schemeOf("soap.beep://192.0.2.103:3002")).isEqualTo("soap.beep");
        assertThat(SipUri.schemeOf("<sip:a@b>")).isNull();
        assertThat(SipUri.schemeOf("1sip:a")).isNull();
        assertThat(SipUri.schemeOf("nocolon")).isNull();
    }

    @Test
    void schemeOfReadFromBytesFoldsTheCaseOfSipAndLooksNoFurtherThanTheColon() {
        for (String uri : new String[] {"sip:a@b", "SiP:a@b", "sip:", "sips:a@b", "sipx:a", "si:a", "sip", "s1p:a",
                "tel:+1", "SIPS:x"}) {
            byte[] b = Grammar.utf8("<" + uri + ">");
            assertThat(SipUri.schemeOf(b, 1, b.length - 1)).as(uri).isEqualTo(SipUri.schemeOf(uri));
        }
        assertThat(SipUri.schemeOf(Grammar.utf8("SIP:a"), 0, 5)).isSameAs(SipUri.schemeOf(Grammar.utf8("sip:a"), 0, 5))
                .isEqualTo("sip");
    }

    @Test
    void addressOfRecordDropsPortParamsAndHeaders() {
        assertThat(SipUri.parse("sip:Bob@Example.COM:5060;transport=udp?x=y").addressOfRecord().toString())
                .isEqualTo("sip:Bob@example.com");
    }

    @Test
    void parametersReadLaterAreTheOnesWritten() {
        SipUri u = SipUri.parse("sip:201@192.0.2.1:2048;line=k2v1;lr;transport=UDP?x=y");

        assertThat(u.isLooseRouting()).isTrue();
        assertThat(u.transportParam()).isEqualTo("udp");
        assertThat(u.params().names()).containsExactly("line", "lr", "transport");
        assertThat(u.headers()).isEqualTo("x=y");
        assertThat(u).isEqualTo(new SipUri("sip", "201", null, "192.0.2.1", 2048, u.params(), "x=y"));
        assertThat(u.withUser("202").toString()).isEqualTo("sip:202@192.0.2.1:2048;line=k2v1;lr;transport=UDP?x=y");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sip:a@b;lr;;x", "sip:a@b;p=", "sip:a@b;p=\"q", "sip:a@b;p=1 x"})
    void malformedParametersAreRejectedWhenTheUriIsParsed(String value) {
        assertThatThrownBy(() -> SipUri.parse(value)).isInstanceOf(SipParseException.class);
    }
}
