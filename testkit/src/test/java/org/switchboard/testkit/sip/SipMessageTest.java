package org.switchboard.testkit.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SipMessageTest {
    private static final String INVITE = """
            INVITE sip:bob@example.com SIP/2.0
            v: SIP/2.0/UDP 127.0.0.1:5062;branch=z9hG4bKabc;rport
            Via: SIP/2.0/TCP 10.0.0.1:5060;branch=z9hG4bKdef, SIP/2.0/UDP 10.0.0.2;branch=z9hG4bKghi
            f: "Alice, A." <sip:alice@example.com>;tag=1928
            To: <sip:bob@example.com>
            i: a84b4c76e66710
            CSeq: 314159 INVITE
            Record-Route: <sip:p1.example.com;lr>
            m: "Al" <sip:alice@127.0.0.1:5062;transport=tcp>;expires=60
            Subject: a folded
             header
            l: 4

            v=0
            """;

    @Test
    void readsCompactNamesListsTagsAndFoldedLines() {
        SipMessage m = SipMessage.parse(INVITE);
        assertThat(m.isRequest()).isTrue();
        assertThat(m.method()).isEqualTo("INVITE");
        assertThat(m.requestUri()).isEqualTo("sip:bob@example.com");
        assertThat(m.headerValues("Via")).hasSize(3);
        assertThat(m.topBranch()).isEqualTo("z9hG4bKabc");
        assertThat(m.fromTag()).contains("1928");
        assertThat(m.toTag()).isEmpty();
        assertThat(m.callId()).isEqualTo("a84b4c76e66710");
        assertThat(m.cseq()).isEqualTo(314159);
        assertThat(m.cseqMethod()).isEqualTo("INVITE");
        assertThat(m.contactUris()).containsExactly("sip:alice@127.0.0.1:5062;transport=tcp");
        assertThat(SipMessage.param(m.headerValues("Contact").get(0), "expires")).contains("60");
        assertThat(m.header("subject")).contains("a folded header");
        assertThat(m.bodyText()).isEqualTo("v=0\n");
    }

    @Test
    void buildsAResponseAsAUasDoes() {
        SipMessage ringing = SipMessage.parse(INVITE).responseTo(180, "Ringing", "x1");
        SipMessage parsed = SipMessage.parse(ringing.encode());
        assertThat(parsed.status()).isEqualTo(180);
        assertThat(parsed.reason()).isEqualTo("Ringing");
        assertThat(parsed.headerValues("Via")).hasSize(3);
        assertThat(parsed.toTag()).contains("x1");
        assertThat(parsed.headerValues("Record-Route")).containsExactly("<sip:p1.example.com;lr>");
        assertThat(parsed.header("Content-Length")).contains("0");

        SipMessage busy = SipMessage.parse(INVITE).responseTo(486, "Busy Here", "x1");
        assertThat(busy.header("Record-Route")).as("RFC 3261 §12.1.1: only dialog-creating responses").isEmpty();
    }

    @Test
    void writesContentLengthFromTheBody() {
        SipMessage m = SipMessage.request("MESSAGE", "sip:bob@example.com").withAdded("Call-ID", "1")
                .withBody("text/plain", "héllo");
        String text = new String(m.encode(), StandardCharsets.UTF_8);
        assertThat(text).contains("Content-Length: 6\r\n\r\nhéllo").startsWith("MESSAGE sip:bob@example.com SIP/2.0\r\n");
    }

    @Test
    void readsAnotherSipVersionSoThatATestCanSendIt() {
        SipMessage request = SipMessage.parse("OPTIONS sip:x@example.com SIP/7.0\r\nCall-ID: v7\r\n\r\n");
        assertThat(request.isRequest()).isTrue();
        assertThat(request.callId()).isEqualTo("v7");
        assertThat(SipMessage.parse("SIP/2.0 505 Version Not Supported\r\n\r\n").status()).isEqualTo(505);
    }

    @Test
    void refusesBytesWithoutAStartLine() {
        assertThatThrownBy(() -> SipMessage.parse("HELLO\r\n\r\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SipMessage.parse("SIP/2.0 200 OK\r\nVia: x")).isInstanceOf(
                IllegalArgumentException.class);
    }
}
