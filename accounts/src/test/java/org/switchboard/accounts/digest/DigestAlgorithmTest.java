package org.switchboard.accounts.digest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 7616 §3.9.1: user Mufasa, realm http-auth@example.org, password "Circle of Life". */
class DigestAlgorithmTest {
    private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    @Test
    void md5ResponseMatchesTheRfcExample() {
        DigestAlgorithm a = DigestAlgorithm.MD5;
        String ha1 = a.ha1("Mufasa", "http-auth@example.org", "Circle of Life");

        assertThat(a.response(ha1, NONCE, "00000001", CNONCE, "auth", a.ha2("GET", "/dir/index.html")))
                .isEqualTo("8ca523f5e9506fed4657c9700eebdbec");
    }

    @Test
    void sha256ResponseMatchesTheRfcExample() {
        DigestAlgorithm a = DigestAlgorithm.SHA_256;
        String ha1 = a.ha1("Mufasa", "http-auth@example.org", "Circle of Life");

        assertThat(a.response(ha1, NONCE, "00000001", CNONCE, "auth", a.ha2("GET", "/dir/index.html")))
                .isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
    }

    @Test
    void absentAlgorithmMeansMd5AndUnknownOnesAreUnsupported() {
        assertThat(DigestAlgorithm.fromToken(null)).isEqualTo(DigestAlgorithm.MD5);
        assertThat(DigestAlgorithm.fromToken("sha-256")).isEqualTo(DigestAlgorithm.SHA_256);
        assertThat(DigestAlgorithm.fromToken("SHA-512-256")).isNull();
    }
}
