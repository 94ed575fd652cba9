package org.switchboard.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ViaTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "SIP/2.0/UDP h;branch=z9hG4bK1", "SIP/2.0/UDP h;BRANCH=z9hG4bKU;branch=second", "SIP/2.0/UDP h;rport;branch=b2",
        "SIP/2.0/UDP h;branch", "SIP/2.0/UDP h;branchx=1;xbranch=2", "SIP/2.0/UDP h:5060",
        "SIP/2.0/UDP h;x=\";branch=q\";branch=real", "SIP/2.0/UDP h ; Branch = spaced ;received=192.0.2.1",
        "SIP/2.0/UDP h;branch=z9hG4bKc (a comment; branch=no)"})
    void theBranchFoundWhileParsingIsTheOneTheParametersHold(String value) {
        Via parsed = Via.parse(value);
        String branch = parsed.branch();

        assertThat(branch).isEqualTo(Via.parse(value).params().get("branch"));
        assertThat(parsed.withParam("received", "192.0.2.9").branch()).isEqualTo(branch);
        assertThat(Via.parse(parsed.toString()).branch()).isEqualTo(branch);
    }

    @Test
    void parametersReadAfterTheBranchAreTheOnesWritten() {
        Via v = Via.parse("SIP/2.0/UDP 192.0.2.4:5070;branch=z9hG4bKx;rport=5071;received=10.0.0.1;maddr=239.1.1.1");

        assertThat(v.branch()).isEqualTo("z9hG4bKx");
        assertThat(v.rport()).isEqualTo(5071);
        assertThat(v.hasRport()).isTrue();
        assertThat(v.received()).isEqualTo("10.0.0.1");
        assertThat(v.params().get("maddr")).isEqualTo("239.1.1.1");
        assertThat(v.toString()).isEqualTo("SIP/2.0/UDP 192.0.2.4:5070;branch=z9hG4bKx;rport=5071;received=10.0.0.1;maddr=239.1.1.1");
    }

    @Test
    void whitespaceAroundSlashesAndParameters() {
        Via v = Via.parse("SIP  /  2.0 / udp   host.example.com : 5062 ; branch = z9hG4bKab ; rport");

        assertThat(v.transport()).isEqualTo("UDP");
        assertThat(v.host()).isEqualTo("host.example.com");
        assertThat(v.port()).isEqualTo(5062);
        assertThat(v.branch()).isEqualTo("z9hG4bKab");
        assertThat(v.hasRfc3261Branch()).isTrue();
        assertThat(v.hasRport()).isTrue();
        assertThat(v.rport()).isEqualTo(-1);
    }

    @Test
    void ipv6SentByWithReceivedAndRport() {
        Via v = Via.parse("SIP/2.0/TCP [2001:db8::9:1]:6050;branch=z9hG4bK1;received=2001:db8::9:255;rport=6051");

        assertThat(v.host()).isEqualTo("[2001:db8::9:1]");
        assertThat(v.sentBy()).isEqualTo("[2001:db8::9:1]:6050");
        assertThat(v.received()).isEqualTo("2001:db8::9:255");
        assertThat(v.rport()).isEqualTo(6051);
    }

    @Test
    void sentByFillsInTheDefaultPort() {
        assertThat(Via.parse("SIP/2.0/UDP Host.Example.com").sentBy()).isEqualTo("host.example.com:5060");
        assertThat(Via.parse("SIP/2.0/TLS h.example.com").sentBy()).isEqualTo("h.example.com:5061");
    }

    @Test
    void severalViasInOneLine() {
        SipMessage m = TestMessages.parse("""
                OPTIONS sip:a@example.com SIP/2.0
                Via: SIP/2.0/UDP a.example.com;branch=z9hG4bK1,SIP/2.0/TCP b.example.com;branch=z9hG4bK2
                Via: SIP/2.0/UDP c.example.com;branch=z9hG4bK3

                """);

        assertThat(m.vias()).extracting(Via::host).containsExactly("a.example.com", "b.example.com", "c.example.com");
        assertThat(m.topVia().branch()).isEqualTo("z9hG4bK1");
    }

    @Test
    void withParamAddsReceived() {
        assertThat(Via.parse("SIP/2.0/UDP h;branch=z9hG4bK1").withParam("received", "192.0.2.1").toString())
                .isEqualTo("SIP/2.0/UDP h;branch=z9hG4bK1;received=192.0.2.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SIP/2.0 UDP h", "SIP/3.0/UDP h", "SIP/2.0/UDP", "SIP/2.0/UDP h:", "SIP/2.0/UDP h:70000",
        "SIP/2.0/UDP [::1", "SIP/2.0/UDP h;branch=", "SIP/2.0/UDP h junk", "SIP/2.0/UDP -h"})
    void rejectsInvalidVias(String value) {
        assertThatThrownBy(() -> Via.parse(value)).isInstanceOf(SipParseException.class);
    }

    @Test
    void protocolNameInAnyCaseAndIpv4SentBy() {
        Via v = Via.parse("sip/2.0/udp 10.0.0.1:5060;branch=z9hG4bK1");

        assertThat(v.transport()).isEqualTo("UDP");
        assertThat(v.host()).isEqualTo("10.0.0.1");
        assertThat(v.port()).isEqualTo(5060);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"SIP/2.0/ h|Missing sent-by host in Via", "SIP/2.0/|Bad Via protocol",
        "SIP/2.1/|Bad Via protocol",
        "SIP/2.1/UDP h|Bad Via protocol version", "SIP/2.0/UDP 10.0.0.256|Bad IPv4 address",
        "SIP/2.0/UDP 1.2.3.4x|Bad IPv4 address", "SIP/2.0/UDP ;branch=x|Missing sent-by host in Via"})
    void faultsAreReportedInTheGrammarsOrder(String value, String message) {
        assertThatThrownBy(() -> Via.parse(value)).isInstanceOf(SipParseException.class).hasMessage(message);
    }

    @Test
    void topViaReadsTheFirstValueOfAListLineWithoutSplittingItFirstAndAgreesWithVias() {
        String text = """
                OPTIONS sip:a@example.com SIP/2.0
                Via: SIP/2.0/UDP a.example.com;branch=z9hG4bK1;x="p, q" ,SIP/2.0/TCP b.example.com;branch=z9hG4bK2

                """;

        Via top = TestMessages.parse(text).topVia();

        assertThat(top.host()).isEqualTo("a.example.com");
        assertThat(top.params().get("x")).isEqualTo("\"p, q\"");
        assertThat(top.toString()).isEqualTo(TestMessages.parse(text).vias().get(0).toString());
    }

    @Test
    void topViaWithACommentReadsItAsTheSplitListDoes() {
        SipMessage comment = TestMessages.parse("""
                OPTIONS sip:a@example.com SIP/2.0
                Via: SIP/2.0/UDP a.example.com;branch=z9hG4bK1 (old UA)

                """);
        SipMessage commaInComment = TestMessages.parse("""
                OPTIONS sip:a@example.com SIP/2.0
                Via: SIP/2.0/UDP a.example.com;branch=z9hG4bK1 (old, UA)

                """);
        SipMessage badTop = TestMessages.parse("""
                OPTIONS sip:a@example.com SIP/2.0
                Via: SIP/2.0/UDP a.example.com;branch=, SIP/2.0/UDP b.example.com

                """);

        assertThat(comment.topVia().branch()).isEqualTo("z9hG4bK1");
        assertThatThrownBy(commaInComment::topVia).isInstanceOf(SipParseException.class).hasMessage("Bad comment in Via");
        assertThatThrownBy(badTop::topVia).isInstanceOf(SipParseException.class).hasMessage("Empty value of parameter branch");
    }
}
