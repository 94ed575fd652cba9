package org.switchboard.accounts.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.switchboard.testkit.time.ManualClock;

class NonceCodecTest {
    private final ManualClock clock = new ManualClock();
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

    @Test
    void eachNonceCarriesTheNextSerialAndItsIssueTime() {
        String first = codec.issue("example.com");
        clock.advance(Duration.ofSeconds(2));
        String second = codec.issue("example.com");

        NonceCodec.Check a = codec.check(first, "example.com");
        NonceCodec.Check b = codec.check(second, "example.com");
        assertThat(first).isNotEqualTo(second);
        assertThat(b.serial()).isEqualTo(a.serial() + 1);
        assertThat(b.issuedAtMillis() - a.issuedAtMillis()).isEqualTo(2_000);
    }

    @Test
    void checksOnManyThreadsAgree() throws Exception {
        String nonce = codec.issue("example.com");
        List<Thread> threads = new ArrayList<>();
        AtomicInteger valid = new AtomicInteger();
        for (int t = 0; t < 4; t++) {
            threads.add(new Thread(() -> {
                for (int i = 0; i < 1_000; i++) {
                    if (codec.check(nonce, "example.com").status() == NonceCodec.Status.VALID
                            && codec.check(codec.issue("example.com"), "example.com").status() == NonceCodec.Status.VALID) {
                        valid.incrementAndGet();
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertThat(valid).hasValue(4_000);
    }
}
