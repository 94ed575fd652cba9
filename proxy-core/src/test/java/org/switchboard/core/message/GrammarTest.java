package org.switchboard.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GrammarTest {

    private static int endOfQuoted(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return Grammar.endOfQuoted(b, 0, b.length);
    }

    @Test
    void aQuotedStringEndsAtTheFirstUnescapedQuoteWhereverTheEscapesFall() {
        for (int pad = 0; pad < 12; pad++) {
            String before = "x".repeat(pad);
            assertThat(endOfQuoted("\"" + before + "\"tail")).isEqualTo(pad + 2);
            assertThat(endOfQuoted("\"" + before + "\\\"\"tail")).as("escaped quote after %d", pad).isEqualTo(pad + 4);
            assertThat(endOfQuoted("\"" + before + "\\\\\"tail")).as("escaped backslash after %d", pad)
                    .isEqualTo(pad + 4);
        }
        assertThat(endOfQuoted("\"\u00e9t\u00e9\" x")).isEqualTo(7);
    }

    @Test
    void anUnterminatedQuotedStringIsAnError() {
        for (String text : new String[] {"\"", "\"abc", "\"abc\\\"", "\"abcdefghijk\\"}) {
            assertThatThrownBy(() -> endOfQuoted(text)).as(text).isInstanceOf(SipParseException.class);
        }
    }
}
