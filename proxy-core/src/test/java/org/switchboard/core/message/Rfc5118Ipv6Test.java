package org.switchboard.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The RFC 5118 §4 IPv6 examples under messages/rfc5118/. They are parsed as datagrams: the
 * Content-Length of the SDP examples is shorter than their CRLF bodies, and RFC 3261 §18.3 discards
 * the extra bytes.
 */
class Rfc5118Ipv6Test {

    static Stream<String> validMessages() {
        return Stream.of("ipv6-good", "port-ambiguous", "port-unambiguous", "via-received-param-with-delim",
                "via-received-param-no-delim", "ipv6-in-sdp", "mult-ip-in-header", "mult-ip-in-sdp",
                "ipv4-mapped-ipv6", "ipv6-correct-abnf-2-colons");
    }

    @ParameterizedTest
    @MethodSource("validMessages")
    void validMessagePasses(String name) {
        assertThat(parse(name).validate()).isNull();
    }

    @ParameterizedTest
    @MethodSource("validMessages")
    void everyAddressInAValidMessageParses(String name) {
        SipMessage m = parse(name);

        assertThat(m.vias()).isNotEmpty();
        assertThat(m.to().isSip()).isTrue();
        m.to().sipUri();
        m.from().sipUri();
        m.contacts().forEach(NameAddr::sipUri);
    }

    @Test
    void bracketedRequestUriKeepsItsBrackets() {
        SipUri uri = request("ipv6-good").sipRequestUri();

        assertThat(uri.host()).isEqualTo("[2001:db8::10]");
        assertThat(uri.hostAddress()).isEqualTo("2001:db8::10");
        assertThat(uri.port()).isEqualTo(-1);
    }

    @Test
    void portInsideTheBracketsIsPartOfTheAddress() {
        // §4.3: valid syntax, but the sender meant a port; the address is 2001:db8::10:5070
        SipUri uri = request("port-ambiguous").sipRequestUri();

        assertThat(uri.host()).isEqualTo("[2001:db8::10:5070]");
        assertThat(uri.port()).isEqualTo(-1);
    }

    @Test
    void portAfterTheBracketsIsAPort() {
        SipUri uri = request("port-unambiguous").sipRequestUri();

        assertThat(uri.host()).isEqualTo("[2001:db8::10]");
        assertThat(uri.port()).isEqualTo(5070);
    }

    @Test
    void receivedParameterMayHaveBracketsOrNot() {
        assertThat(parse("via-received-param-with-delim").topVia().received()).isEqualTo("[2001:db8::9:255]");
        assertThat(parse("via-received-param-no-delim").topVia().received()).isEqualTo("2001:db8::9:255");
    }

    @Test
    void viaSentByMayBeIpv6WithPortOrIpv4Mapped() {
        Via top = parse("mult-ip-in-header").topVia();
        assertThat(top.host()).isEqualTo("[2001:db8::9:1]");
        assertThat(top.port()).isEqualTo(6050);

        Via mapped = parse("ipv4-mapped-ipv6").topVia();
        assertThat(mapped.host()).isEqualTo("[::ffff:192.0.2.10]");
        assertThat(mapped.sentBy()).isEqualTo("[::ffff:192.0.2.10]:19823");
    }

    @Test
    void unbracketedIpv6RequestUriIsRejected() {
        assertThat(parse("ipv6-bad").validate()).isEqualTo("Bad IPv4 address");
    }

    @Test
    void threeColonsAreRejected() {
        // §4.10: the RFC 3261 ABNF allowed "2001:db8:::192.0.2.1"; it is not an IPv6 address
        assertThat(parse("ipv6-bug-abnf-3-colons").validate()).isEqualTo("Bad IPv6 reference");
    }

    private static SipMessage parse(String name) {
        byte[] wire = TestMessages.load("rfc5118/" + name + ".dat");
        return SipParser.parse(wire, 0, wire.length, true).message();
    }

    private static SipRequest request(String name) {
        return (SipRequest) parse(name);
    }
}
