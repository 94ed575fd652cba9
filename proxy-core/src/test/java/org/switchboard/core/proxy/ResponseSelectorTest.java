package org.switchboard.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipParser;
import org.switchboard.core.message.SipResponse;

class ResponseSelectorTest {
    private final ResponseSelector selector = new ResponseSelector();
    private final RecordingContext context = RecordingContext.of(RecordingContext.request("INVITE",
            "sip:bob@example.com", ""));

    private static SipResponse response(int status, String reason, String extra) {
        String raw = "SIP/2.0 " + status + " " + reason + "\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:40000;branch=z9hG4bK-test-1\n"
                + "From: <sip:alice@example.com>;tag=a1\n"
                + "To: <sip:bob@example.com>;tag=b" + status + "\n"
                + "Call-ID: test-call-1@127.0.0.1\n"
                + "CSeq: 1 INVITE\n"
                + extra
                + "Content-Length: 0\n\n";
        byte[] bytes = raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        return (SipResponse) SipParser.parse(bytes, 0, bytes.length, true).message();
    }

    @Test
    void noResponseAtAllGives408() {
        assertThat(selector.best(context).statusCode()).isEqualTo(408);
    }

    @Test
    void sixHundredBeatsEverything() {
        selector.add(response(486, "Busy Here", ""));
        selector.add(response(302, "Moved", ""));
        selector.add(response(603, "Decline", ""));
        assertThat(selector.best(context).statusCode()).isEqualTo(603);
    }

    @Test
    void lowestClassWins() {
        selector.add(response(500, "Server Error", ""));
        selector.add(response(486, "Busy Here", ""));
        assertThat(selector.best(context).statusCode()).isEqualTo(486);
    }

    @Test
    void aRealAnswerBeatsTimeoutsAndCancellationsOfTheSameClass() {
        selector.addOutcome(408, "Request Timeout");
        selector.add(response(487, "Request Terminated", ""));
        selector.add(response(486, "Busy Here", ""));
        assertThat(selector.best(context).statusCode()).isEqualTo(486);
    }

    @Test
    void theEarlierOfTwoEquallyGoodResponsesWins() {
        selector.add(response(404, "Not Found", ""));
        selector.add(response(486, "Busy Here", ""));
        assertThat(selector.best(context).statusCode()).isEqualTo(404);
    }

    @Test
    void a503BecomesA500() {
        selector.add(response(503, "Service Unavailable", ""));
        SipResponse best = selector.best(context);
        assertThat(best.statusCode()).isEqualTo(500);
        assertThat(best.to().tag()).isEqualTo("local-tag");
    }

    @Test
    void aTransportErrorCountsAs503AndSoGives500() {
        selector.addOutcome(503, "Service Unavailable");
        assertThat(selector.best(context).statusCode()).isEqualTo(500);
    }

    @Test
    void challengesOfAllBranchesAreMerged() {
        selector.add(response(407, "Proxy Authentication Required",
                "Proxy-Authenticate: Digest realm=\"one\", nonce=\"1\"\n"));
        selector.add(response(486, "Busy Here", ""));
        selector.add(response(401, "Unauthorized", "WWW-Authenticate: Digest realm=\"two\", nonce=\"2\"\n"));
        SipResponse best = selector.best(context);
        assertThat(best.statusCode()).isEqualTo(407);
        assertThat(best.headers().values(HeaderName.PROXY_AUTHENTICATE)).containsExactly("Digest realm=\"one\", nonce=\"1\"");
        assertThat(best.header(HeaderName.WWW_AUTHENTICATE)).isEqualTo("Digest realm=\"two\", nonce=\"2\"");
    }

    @Test
    void theChosenResponseIsForwardedAsReceived() {
        selector.add(response(486, "Busy Here", "Warning: 399 phone \"In a meeting\"\n"));
        SipResponse best = selector.best(context);
        assertThat(best.to().tag()).isEqualTo("b486");
        assertThat(best.header(HeaderName.WARNING)).isEqualTo("399 phone \"In a meeting\"");
    }
}
