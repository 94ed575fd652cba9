package org.switchboard.accounts.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DigestCredentialsTest {

    @Test
    void parsesQuotedAndTokenParameters() {
        DigestCredentials c = DigestCredentials.parse("Digest username=\"201\",realm=\"example.com\", "
                + "nonce=\"abc\", uri=\"sip:example.com\", response=\"ff\", algorithm=SHA-256, cnonce=\"x\\\"y\", "
                + "qop=auth, nc=00000001");

        assertThat(c.username()).isEqualTo("201");
        assertThat(c.algorithm()).isEqualTo("SHA-256");
        assertThat(c.cnonce()).isEqualTo("x\"y");
        assertThat(c.nc()).isEqualTo("00000001");
    }

    @Test
    void otherSchemesAreNotDigest() {
        assertThat(DigestCredentials.parse("Basic YWxhZGRpbjpvcGVuc2VzYW1l")).isNull();
    }

    @Test
    void missingFieldsAndBrokenSyntaxAreMalformed() {
        assertThatThrownBy(() -> DigestCredentials.parse("Digest username=\"201\", realm=\"example.com\""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DigestCredentials.parse("Digest username=\"201"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesAreCaseInsensitiveAndOtherParametersAreSkipped() {
        DigestCredentials c = DigestCredentials.parse("Digest UserName=\"201\", Realm=\"example.com\", nonce=\"abc\", "
                + "uri=\"sip:example.com\", response=\"ff\", future-param=\"x, y\", qop=auth");

        assertThat(c.username()).isEqualTo("201");
        assertThat(c.realm()).isEqualTo("example.com");
        assertThat(c.qop()).isEqualTo("auth");
        assertThat(c.opaque()).isNull();
    }

    @Test
    void aRepeatedParameterIsMalformed() {
        String base = "Digest username=\"201\", realm=\"example.com\", nonce=\"abc\", uri=\"sip:example.com\", "
                + "response=\"ff\"";
        assertThatThrownBy(() -> DigestCredentials.parse(base + ", USERNAME=\"202\""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("username");
        assertThatThrownBy(() -> DigestCredentials.parse(base + ", x=1, X=2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Repeated");
    }

    @Test
    void aBackslashBeforeTheLastQuoteLeavesTheStringUnterminated() {
        assertThatThrownBy(() -> DigestCredentials.parse("Digest username=\"201\\\""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unterminated");
    }
}
