package org.switchboard.pnp.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.pnp.MacAddress;

class ProvisioningRequestResolverTest {
    private static final MacAddress PHONE = MacAddress.parse("000413a1b2c3").orElseThrow();

    private final ProvisioningRequestResolver resolver = new ProvisioningRequestResolver();

    @ParameterizedTest
    @ValueSource(strings = {"/000413a1b2c3.xml", "/000413A1B2C3.xml", "/snomD785-000413A1B2C3.htm"})
    void perPhoneNamesAreTheSettingsFile(String path) {
        assertThat(resolver.resolve(path, null))
                .contains(new ProvisioningFile(ProvisioningFile.Kind.SETTINGS, PHONE));
    }

    @Test
    void modelFileIsGenericWithMacFromQuery() {
        assertThat(resolver.resolve("/snomD785.htm", "000413A1B2C3"))
                .contains(new ProvisioningFile(ProvisioningFile.Kind.GENERIC, PHONE));
    }

    @Test
    void modelFileWithoutMacNamesNothing() {
        assertThat(resolver.resolve("/snomD785.htm", null)).isEmpty();
        assertThat(resolver.resolve("/snomD785.htm", "{mac}")).isEmpty();
    }

    @Test
    void firmwareFileIsRecognised() {
        assertThat(resolver.resolve("/000413a1b2c3-firmware.xml", null))
                .contains(new ProvisioningFile(ProvisioningFile.Kind.FIRMWARE, PHONE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/000413a1b2c.xml", "/../000413a1b2c3.xml", "/000413a1b2c3.xml/x",
        "/snom.htm", "/yealink-000413a1b2c3.htm", "/000413a1b2c3.cfg"})
    void otherPathsNameNothing(String path) {
        assertThat(resolver.resolve(path, "000413a1b2c3")).isEmpty();
    }
}
