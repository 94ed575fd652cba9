package org.switchboard.dialplan.trunks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The digest answers against the worked examples of RFC 7616 §3.9.1 and RFC 2617 §3.5. */
class DigestAnswerTest {

    @Test
    void answersSha256AsRfc7616sExample() {
        DigestChallenge c = new DigestChallenge(false, "http-auth@example.org",
                "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "SHA-256", "auth",
                "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS");

        String header = DigestAnswer.header(c, "Mufasa", "Circle of Life", "GET", "/dir/index.html", 1,
                "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");

        assertThat(header).contains("response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\"")
                .contains("algorithm=SHA-256").contains("qop=auth").contains("nc=00000001")
                .contains("opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"");
    }

    @Test
    void answersMd5AsRfc7616sExample() {
        DigestChallenge c = new DigestChallenge(false, "http-auth@example.org",
                "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "MD5", "auth", null);

        assertThat(DigestAnswer.header(c, "Mufasa", "Circle of Life", "GET", "/dir/index.html", 1,
                "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ"))
                .contains("response=\"8ca523f5e9506fed4657c9700eebdbec\"").doesNotContain("opaque");
    }

    @Test
    void answersAChallengeWithoutQopTheRfc2069Way() {
        DigestChallenge c = new DigestChallenge(true, "testrealm@host.com", "dcd98b7102dd2f0e8b11d0f600bfb0c093",
                "MD5", null, null);
        String ha1 = DigestAnswer.hash("MD5", "Mufasa:testrealm@host.com:Circle Of Life");
        String ha2 = DigestAnswer.hash("MD5", "GET:/dir/index.html");

        assertThat(DigestAnswer.header(c, "Mufasa", "Circle Of Life", "GET", "/dir/index.html", 1, "x"))
                .contains("response=\"" + DigestAnswer.hash("MD5", ha1 + ":dcd98b7102dd2f0e8b11d0f600bfb0c093:" + ha2)
                        + "\"")
                .doesNotContain("qop").doesNotContain("cnonce");
    }
}
