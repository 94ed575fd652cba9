package org.switchboard.pnp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MacAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"000413A1B2C3", "000413a1b2c3", "00:04:13:A1:B2:C3", "00-04-13-a1-b2-c3"})
    void normalisesToTwelveLowerCaseHexDigits(String text) {
        assertThat(MacAddress.parse(text)).map(MacAddress::value).contains("000413a1b2c3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "000413A1B2C", "000413A1B2C3D", "000413A1B2CG", "{mac}", "00 04 13 a1 b2 c3",
        "0004１3A1B2C3"})
    void rejectsAnythingElse(String text) {
        assertThat(MacAddress.parse(text)).isEmpty();
    }

    @Test
    void rejectsNull() {
        assertThat(MacAddress.parse(null)).isEmpty();
    }

    @Test
    void constructorRequiresNormalisedForm() {
        assertThatThrownBy(() -> new MacAddress("000413A1B2C3")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void upperCaseIsSnomsFileNameSpelling() {
        assertThat(MacAddress.parse("000413a1b2c3").orElseThrow().upperCase()).isEqualTo("000413A1B2C3");
    }
}
