package org.switchboard.pnp.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.switchboard.pnp.MacAddress;
import org.switchboard.testkit.time.ManualClock;

class ProvisioningTokensTest {
    private static final MacAddress PHONE = MacAddress.parse("000413A1B2C3").orElseThrow();
    private static final MacAddress OTHER_PHONE = MacAddress.parse("000413A1B2C4").orElseThrow();

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-05T08:00:00Z"));
    private final ProvisioningTokens tokens = new ProvisioningTokens(key((byte) 7), clock);

    private static byte[] key(byte fill) {
        byte[] k = new byte[32];
        Arrays.fill(k, fill);
        return k;
    }

    @Test
    void freshTokenIsValidForItsMac() {
        String token = tokens.issue(PHONE, Duration.ofMinutes(10));

        assertThat(tokens.check(token, PHONE)).isEqualTo(TokenCheck.VALID);
    }

    @Test
    void tokenIsUrlSafe() {
        assertThat(tokens.issue(PHONE, Duration.ofMinutes(10))).matches("[A-Za-z0-9_-]{62}");
    }

    @Test
    void tokenExpiresAfterItsLifetime() {
        String token = tokens.issue(PHONE, Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(9));
        assertThat(tokens.check(token, PHONE)).isEqualTo(TokenCheck.VALID);

        clock.advance(Duration.ofMinutes(1));

        assertThat(tokens.check(token, PHONE)).isEqualTo(TokenCheck.EXPIRED);
    }

    @Test
    void tokenForAnotherPhoneIsRejected() {
        String token = tokens.issue(OTHER_PHONE, Duration.ofMinutes(10));

        assertThat(tokens.check(token, PHONE)).isEqualTo(TokenCheck.WRONG_MAC);
    }

    @Test
    void alteredTokenIsRejected() {
        String token = tokens.issue(PHONE, Duration.ofMinutes(10));
        char[] chars = token.toCharArray();
        // characters 12 to 15 encode bytes 9 to 11: part of the expiry
        chars[12] = chars[12] == 'A' ? 'B' : 'A';

        assertThat(tokens.check(new String(chars), PHONE)).isEqualTo(TokenCheck.TAMPERED);
    }

    @Test
    void tokenFromAnotherKeyIsRejected() {
        String foreign = new ProvisioningTokens(key((byte) 8), clock).issue(PHONE, Duration.ofMinutes(10));

        assertThat(tokens.check(foreign, PHONE)).isEqualTo(TokenCheck.TAMPERED);
    }

    @Test
    void missingAndMalformedTokensAreToldApart() {
        assertThat(tokens.check(null, PHONE)).isEqualTo(TokenCheck.MISSING);
        assertThat(tokens.check("", PHONE)).isEqualTo(TokenCheck.MISSING);
        assertThat(tokens.check("not base64!", PHONE)).isEqualTo(TokenCheck.MALFORMED);
        assertThat(tokens.check("AAAA", PHONE)).isEqualTo(TokenCheck.MALFORMED);
    }

    @Test
    void shortKeyIsRefused() {
        assertThatThrownBy(() -> new ProvisioningTokens(new byte[16], clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
