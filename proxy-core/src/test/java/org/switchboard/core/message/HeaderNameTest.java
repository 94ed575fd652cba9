package org.switchboard.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HeaderNameTest {

    @ParameterizedTest
    @CsvSource({"i,Call-ID", "m,Contact", "e,Content-Encoding", "l,Content-Length", "c,Content-Type", "f,From",
        "s,Subject", "k,Supported", "t,To", "v,Via", "o,Event", "r,Refer-To", "b,Referred-By", "u,Allow-Events",
        "x,Session-Expires", "a,Accept-Contact", "j,Reject-Contact", "d,Request-Disposition", "y,Identity"})
    void compactFormIsTheLongName(String compact, String canonical) {
        for (String spelling : new String[] {compact, compact.toUpperCase()}) {
            byte[] b = ("  " + spelling + ":").getBytes(StandardCharsets.US_ASCII);
            assertThat(HeaderName.of(b, 2, spelling.length()).canonical()).isEqualTo(canonical);
            assertThat(HeaderName.of(spelling)).isEqualTo(HeaderName.of(canonical));
        }
    }

    @Test
    void anyCaseIsTheSameName() {
        byte[] b = "cALL-iD".getBytes(StandardCharsets.US_ASCII);

        assertThat(HeaderName.of(b, 0, b.length)).isSameAs(HeaderName.CALL_ID);
        assertThat(HeaderName.of("MAX-FORWARDS")).isSameAs(HeaderName.MAX_FORWARDS);
    }

    @Test
    void unknownNamesCompareCaseInsensitivelyAndAreNotLists() {
        byte[] b = "X-Custom-Thing".getBytes(StandardCharsets.US_ASCII);
        HeaderName name = HeaderName.of(b, 0, b.length);

        assertThat(name).isEqualTo(HeaderName.of("x-custom-thing")).hasSameHashCodeAs(HeaderName.of("X-CUSTOM-THING"));
        assertThat(name.canonical()).isEqualTo("X-Custom-Thing");
        assertThat(name.isCommaList()).isFalse();
        assertThat(name).isNotEqualTo(HeaderName.VIA);
    }

    @Test
    void listHeadersAreMarked() {
        assertThat(HeaderName.VIA.isCommaList()).isTrue();
        assertThat(HeaderName.CONTACT.isCommaList()).isTrue();
        assertThat(HeaderName.CALL_ID.isCommaList()).isFalse();
    }

    @Test
    void knownFindsOnlyKnownSpellingsInAnyCase() {
        byte[] b = "xRECORD-route:vX-Foo:Via\u00e9Max-Forwardz".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(HeaderName.known(b, 1, 12)).isSameAs(HeaderName.RECORD_ROUTE);
        assertThat(HeaderName.known(b, 14, 1)).isSameAs(HeaderName.VIA);
        assertThat(HeaderName.known(b, 15, 5)).isNull();
        assertThat(HeaderName.known(b, 21, 3)).isSameAs(HeaderName.VIA);
        assertThat(HeaderName.known(b, 21, 4)).as("a non-ASCII byte after the name").isNull();
        assertThat(HeaderName.known(b, 25, 12)).isNull();
        assertThat(HeaderName.known(b, 1, 0)).isNull();
    }
}
