package org.switchboard.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpellingTableTest {
    private static final Map<String, HeaderName> SPELLINGS = Map.of("via", HeaderName.VIA, "v", HeaderName.VIA,
            "record-route", HeaderName.RECORD_ROUTE, "request-disposition", HeaderName.REQUEST_DISPOSITION,
            "content-length", HeaderName.CONTENT_LENGTH, "l", HeaderName.CONTENT_LENGTH);

    private static HeaderName find(SpellingTable table, String text) {
        byte[] b = (">" + text + ":").getBytes(StandardCharsets.ISO_8859_1);
        return table.find(b, 1, b.length - 2);
    }

    @Test
    void findsEverySpellingInAnyCase() {
        SpellingTable table = new SpellingTable(SPELLINGS);

        SPELLINGS.forEach((spelling, name) -> {
            assertThat(find(table, spelling)).isSameAs(name);
            assertThat(find(table, spelling.toUpperCase())).isSameAs(name);
        });
        assertThat(find(table, "ReQuEsT-DiSpOsItIoN")).isSameAs(HeaderName.REQUEST_DISPOSITION);
    }

    @Test
    void aDifferenceInAnyWordOrInTheLengthIsNoMatch() {
        SpellingTable table = new SpellingTable(SPELLINGS);

        for (String other : new String[] {"request-dispositiom", "request_disposition", "rEquest-disposition.",
            "request-dis", "contentXlength", "content-lengt", "vi", "via ", "w", "", "x".repeat(30)}) {
            assertThat(find(table, other)).as(other).isNull();
        }
    }

    @Test
    void bytesThatFoldOntoLettersOnlyUnderOtherRulesAreNoMatch() {
        SpellingTable table = new SpellingTable(SPELLINGS);

        // CR would be '-' and the Latin-1 capitals 'a' to 'z' if all bytes had 0x20 set
        assertThat(find(table, "record\rroute")).isNull();
        assertThat(find(table, "\u00d6ia")).isNull();
        assertThat(find(table, "vi\u00c1")).isNull();
    }

    @Test
    void namesAtTheVeryEndOfTheBufferAreFound() {
        byte[] b = "xx: y\r\nVIA".getBytes(StandardCharsets.US_ASCII);

        assertThat(new SpellingTable(SPELLINGS).find(b, 7, 3)).isSameAs(HeaderName.VIA);
        assertThat(HeaderName.known(b, 7, 3)).isSameAs(HeaderName.VIA);
    }
}
