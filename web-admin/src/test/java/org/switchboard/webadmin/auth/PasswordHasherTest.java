package org.switchboard.webadmin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void aHashIsArgon2idInPhcFormatWithOwaspCostAndMatchesOnlyItsPassword() {
        String hash = hasher.hash("correct horse battery".toCharArray());

        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hasher.matches("correct horse battery".toCharArray(), hash)).isTrue();
        assertThat(hasher.matches("correct horse batterY".toCharArray(), hash)).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTimeBecauseOfTheSalt() {
        assertThat(hasher.hash("same password!".toCharArray())).isNotEqualTo(hasher.hash("same password!".toCharArray()));
    }

    @Test
    void aHashWithOtherCostParametersStillChecks() {
        String cheap = new PasswordHasher(1024, 1, 1).hash("older cost".toCharArray());

        assertThat(hasher.matches("older cost".toCharArray(), cheap)).isTrue();
    }

    @Test
    void anythingButAnArgon2idHashNeverMatches() {
        assertThat(hasher.matches("x".toCharArray(), null)).isFalse();
        assertThat(hasher.matches("x".toCharArray(), "x")).isFalse();
        assertThat(hasher.matches("x".toCharArray(), "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
    }
}
