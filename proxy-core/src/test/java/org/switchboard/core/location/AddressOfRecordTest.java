package org.switchboard.core.location;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressOfRecordTest {

    @Test
    void theHostIsComparedIgnoringCaseAndTheUserAsWritten() {
        AddressOfRecord aor = AddressOfRecord.parse("sip:alice@Example.COM:5070;transport=tcp");

        assertThat(aor).isEqualTo(new AddressOfRecord("alice", "example.com"))
                .hasSameHashCodeAs(new AddressOfRecord("alice", "example.com"))
                .isNotEqualTo(new AddressOfRecord("Alice", "example.com"))
                .isNotEqualTo(new AddressOfRecord("alice", "example.org"));
        assertThat(aor.toString()).isEqualTo("sip:alice@example.com");
    }

    @Test
    void aSipsUriHasTheAddressOfRecordOfItsSipForm() {
        assertThat(AddressOfRecord.parse("sips:bob@example.com")).isEqualTo(AddressOfRecord.parse("sip:bob@example.com"));
    }
}
