package org.switchboard.registrar.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.switchboard.registrar.TestClock;

class NonceCodecTest {
    private final TestClock clock = new TestClock();
    private final NonceCodec codec = NonceCodec.withRandomKey(Duration.ofMinutes(5), clock);

    @Test
    void freshNonceIsValidForItsRealmOnly() {
        String nonce = codec.issue("example.com");

        assertThat(codec.check(nonce, "example.com").status()).isEqualTo(NonceCodec.Status.VALID);
        assertThat(codec.check(nonce, "other.org").status()).isEqualTo(NonceCodec.Status.INVALID);
    }

    @Test
    void oldNonceIsStale() {
        String nonce = codec.issue("example.com");
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        assertThat(codec.check(nonce, "example.com").status()).isEqualTo(NonceCodec.Status.STALE);
    }

    @Test
    void tamperedNonceIsInvalid() {
        char[] nonce = codec.issue("example.com").toCharArray();
        nonce[3] = nonce[3] == 'A' ? 'B' : 'A';

        assertThat(codec.check(new String(nonce), "example.com").status()).isEqualTo(NonceCodec.Status.INVALID);
        assertThat(codec.check("not base64 at all!", "example.com").status()).isEqualTo(NonceCodec.Status.INVALID);
    }

    @Test
    void nonceOfAnotherKeyIsInvalid() {
        String nonce = NonceCodec.withRandomKey(Duration.ofMinutes(5), clock).issue("example.com");

        assertThat(codec.check(nonce, "example.com").status()).isEqualTo(NonceCodec.Status.INVALID);
    }
}
