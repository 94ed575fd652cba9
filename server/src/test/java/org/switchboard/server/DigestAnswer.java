package org.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.accounts.digest.DigestAlgorithm;

/** Test support: the credentials a phone sends in answer to a digest challenge. */
public final class DigestAnswer {
    private DigestAnswer() {
    }

    /**
     * The credentials answering a digest challenge (RFC 7616 §3.4.1, qop=auth, nc=00000001), in
     * the realm and algorithm the challenge names: a WWW-Authenticate or Proxy-Authenticate value
     * in, an Authorization or Proxy-Authorization value out.
     */
    public static String authorization(String challenge, String method, String uri, String user, String password,
            String cnonce) {
        String realm = param(challenge, "realm");
        String nonce = param(challenge, "nonce");
        DigestAlgorithm algorithm = DigestAlgorithm.fromToken(param(challenge, "algorithm"));
        assertThat(algorithm).as("a supported algorithm in %s", challenge).isNotNull();
        String response = algorithm.response(algorithm.ha1(user, realm, password), nonce, "00000001", cnonce,
                "auth", algorithm.ha2(method, uri));
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", response=\"" + response + "\", algorithm=" + algorithm.token() + ", cnonce=\"" + cnonce
                + "\", qop=auth, nc=00000001";
    }

    private static String param(String header, String name) {
        Matcher m = Pattern.compile(name + "=\"?([^\",]+)\"?").matcher(header);
        assertThat(m.find()).as("%s in %s", name, header).isTrue();
        return m.group(1);
    }
}
