package org.switchboard.testkit.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The worked examples of RFC 7616 §3.9.1 (qop=auth) and RFC 2617 §3.5 style answers without qop. */
class DigestAnswerTest {
    private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    @Test
    void answersAnMd5ChallengeAsRfc7616Example() {
        String challenge = "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=MD5, nonce=\""
                + NONCE + "\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
        String answer = DigestAnswer.authorization(challenge, "GET", "/dir/index.html", "Mufasa", "Circle of Life",
                CNONCE);
        assertThat(answer).contains("response=\"8ca523f5e9506fed4657c9700eebdbec\"", "qop=auth", "nc=00000001",
                "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"", "algorithm=MD5");
    }

    @Test
    void answersASha256ChallengeAsRfc7616Example() {
        String challenge = "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256, nonce=\""
                + NONCE + "\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
        String answer = DigestAnswer.authorization(challenge, "GET", "/dir/index.html", "Mufasa", "Circle of Life",
                CNONCE);
        assertThat(answer).contains(
                "response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\"", "algorithm=SHA-256");
    }

    @Test
    void answersWithoutQopWhenTheChallengeOffersNone() {
        // RFC 2069 form: response = MD5(HA1:nonce:HA2), no cnonce or nc.
        String answer = DigestAnswer.authorization("Digest realm=\"example.com\", nonce=\"abc\"", "REGISTER",
                "sip:example.com", "201", "secret", "unused");
        assertThat(answer).contains("response=\"" + md5Hex(md5Hex("201:example.com:secret") + ":abc:"
                + md5Hex("REGISTER:sip:example.com")) + "\"").doesNotContain("qop", "cnonce");
    }

    @Test
    void refusesAnUnknownAlgorithm() {
        assertThatThrownBy(() -> DigestAnswer.authorization("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-1", "REGISTER",
                "sip:r", "u", "p", "c")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SHA-1");
    }

    private static String md5Hex(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(
                    s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
