package org.switchboard.dialplan.trunks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;

class DigestChallengeTest {
    private static final SipRequest INVITE = SipRequest.builder(SipMethod.INVITE, "sip:004930123@sip.provider.test")
            .add(HeaderName.VIA, "SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKa")
            .add(HeaderName.FROM, "<sip:201@example.com>;tag=1").add(HeaderName.TO, "<sip:004930123@sip.provider.test>")
            .add(HeaderName.CALL_ID, "c1").add(HeaderName.CSEQ, "1 INVITE").build();

    @Test
    void prefersSha256AndReadsQuotedCommasAndTheQopList() {
        SipResponse r = SipResponse.builderFor(INVITE, 407, "Proxy Authentication Required")
                .add(HeaderName.PROXY_AUTHENTICATE, "Digest realm=\"provider, test\", nonce=\"n1\", qop=\"auth,auth-int\"")
                .add(HeaderName.PROXY_AUTHENTICATE, "Digest realm=\"provider, test\", nonce=\"n2\", algorithm=SHA-256,"
                        + " qop=\"auth\", opaque=\"o\"")
                .build();

        assertThat(DigestChallenge.of(r))
                .isEqualTo(new DigestChallenge(true, "provider, test", "n2", "SHA-256", "auth", "o"));
    }

    @Test
    void refusesWhatItCannotAnswer() {
        assertThat(DigestChallenge.parse(false, "Basic realm=\"x\"")).isNull();
        assertThat(DigestChallenge.parse(false, "Digest realm=\"x\", nonce=\"n\", algorithm=MD5-sess")).isNull();
        assertThat(DigestChallenge.parse(false, "Digest realm=\"x\", nonce=\"n\", qop=\"auth-int\"")).isNull();
        assertThat(DigestChallenge.parse(false, "Digest realm=\"x\"")).isNull();
        assertThat(DigestChallenge.parse(false, "Digest realm=\"x\", nonce=\"n\""))
                .isEqualTo(new DigestChallenge(false, "x", "n", "MD5", null, null));
    }
}
