package org.switchboard.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeaderFieldTest {

    private static HeaderField first(String headerLines) {
        return TestMessages.parse("OPTIONS sip:a@example.com SIP/2.0\n" + headerLines + "\n").headers().get(0);
    }

    @Test
    void foldedValueBecomesOneLineWithSingleSpaces() {
        assertThat(first("Subject: one  \n   two\n\tthree\n").value()).isEqualTo("one two three");
    }

    @Test
    void valueMayStartOnAContinuationLine() {
        assertThat(first("To :\n  <sip:a@example.com>\n").value()).isEqualTo("<sip:a@example.com>");
    }

    @Test
    void bareCarriageReturnInAValueReadsAsOneSpace() {
        assertThat(first("Subject: a\rb\n").value()).isEqualTo("a b");
    }

    @Test
    void utf8ValuesAreDecoded() {
        assertThat(first("Subject: Grüße, 大停電\n").value()).isEqualTo("Grüße, 大停電");
    }

    @Test
    void originalBytesAreWrittenBackUntouched() {
        String line = "sUbJeCt  :  a\n  b  ";
        HeaderField f = first(line + "\n");
        byte[] out = new byte[f.encodedLength()];

        f.writeTo(out, 0);

        assertThat(out).isEqualTo(TestMessages.wire(line));
    }

    @Test
    void builtFieldIsWrittenWithItsCanonicalName() {
        HeaderField f = HeaderField.of(HeaderName.of("v"), "SIP/2.0/UDP h;branch=z9hG4bKx");
        byte[] out = new byte[f.encodedLength()];

        f.writeTo(out, 0);

        assertThat(new String(out, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("Via: SIP/2.0/UDP h;branch=z9hG4bKx");
    }

    @Test
    void builtFieldRejectsLineBreaks() {
        assertThatThrownBy(() -> HeaderField.of(HeaderName.SUBJECT, "a\r\nVia: evil"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void grammarsReadFoldedAndBareCrValuesAsTheirUnfoldedText() {
        SipMessage m = TestMessages.parse("""
                OPTIONS sip:a@example.com SIP/2.0
                To: <sip:b@example.com>
                 ;tag=t1
                From: <sip:a@example.com>;tag=\rx
                CSeq: 1\rOPTIONS

                """);

        assertThat(m.to().tag()).isEqualTo("t1");
        assertThat(m.headers().firstValue(HeaderName.FROM)).isEqualTo("<sip:a@example.com>;tag= x");
        assertThat(m.from().tag()).isEqualTo("x");
        assertThat(m.cseq()).isEqualTo(new CSeq(1, "OPTIONS"));
    }
}
