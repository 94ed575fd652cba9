package org.switchboard.core.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentLengthTest {

    @Test
    void readsTheLongFormCaseInsensitively() {
        assertThat(find("content-LENGTH :  42\r\n")).isEqualTo(42);
    }

    @Test
    void readsTheCompactForm() {
        assertThat(find("l: 7\r\n")).isEqualTo(7);
    }

    @Test
    void followsAFoldedValue() {
        assertThat(find("Content-Length:\r\n 12\r\n")).isEqualTo(12);
    }

    @Test
    void ignoresHeadersThatOnlyStartLikeIt() {
        assertThat(find("Content-Length-X: 3\r\nLx: 4\r\n")).isEqualTo(ContentLength.MISSING);
    }

    @Test
    void missingIsReported() {
        assertThat(find("Call-ID: a\r\n")).isEqualTo(ContentLength.MISSING);
    }

    @Test
    void nonNumericIsInvalid() {
        assertThat(find("Content-Length: 1x\r\n")).isEqualTo(ContentLength.INVALID);
        assertThat(find("Content-Length: \r\n")).isEqualTo(ContentLength.INVALID);
        assertThat(find("Content-Length: 1 2\r\n")).isEqualTo(ContentLength.INVALID);
    }

    @Test
    void conflictingValuesAreInvalidAndRepeatedEqualOnesAreFine() {
        assertThat(find("Content-Length: 1\r\nl: 2\r\n")).isEqualTo(ContentLength.INVALID);
        assertThat(find("Content-Length: 2\r\nl: 2\r\n")).isEqualTo(2);
    }

    private static long find(String headers) {
        ByteBuf buf = Unpooled.copiedBuffer("INVITE sip:a@b SIP/2.0\r\n" + headers + "\r\n", StandardCharsets.UTF_8);
        try {
            return ContentLength.find(buf, buf.readerIndex(), buf.writerIndex());
        } finally {
            buf.release();
        }
    }
}
