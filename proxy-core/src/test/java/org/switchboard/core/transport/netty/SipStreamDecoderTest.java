package org.switchboard.core.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.core.transport.netty.SipTestMessages.bytes;
import static org.switchboard.core.transport.netty.SipTestMessages.options;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SipStreamDecoderTest {
    private static final String VIA = "SIP/2.0/TCP 192.0.2.1:5060;branch=z9hG4bK1";
    private static final String MESSAGE = options(VIA, "c1@host", "v=0\r\n");

    private final EmbeddedChannel channel = new EmbeddedChannel(new SipStreamDecoder(1024));

    @AfterEach
    void closeChannel() {
        channel.finishAndReleaseAll();
    }

    @Test
    void messageSplitAtEveryByteBoundaryIsFramedWhole() {
        byte[] message = bytes(MESSAGE);
        for (int split = 1; split < message.length; split++) {
            EmbeddedChannel ch = new EmbeddedChannel(new SipStreamDecoder(1024));
            ch.writeInbound(Unpooled.wrappedBuffer(message, 0, split));
            ch.writeInbound(Unpooled.wrappedBuffer(message, split, message.length - split));
            StreamFrame frame = ch.readInbound();
            assertThat(frame).as("split at %d", split).isNotNull();
            assertThat(frame.bytes()).as("split at %d", split).isEqualTo(message);
            assertThat(frame.framing()).isEqualTo(StreamFrame.Framing.WHOLE);
            assertThat(ch.<Object>readInbound()).isNull();
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void twoMessagesInOneReadGiveTwoFrames() {
        String second = options(VIA, "c2@host");
        channel.writeInbound(Unpooled.copiedBuffer(MESSAGE + second, StandardCharsets.UTF_8));
        assertThat(text(channel.readInbound())).isEqualTo(MESSAGE);
        assertThat(text(channel.readInbound())).isEqualTo(second);
        assertThat(channel.<Object>readInbound()).isNull();
    }

    @Test
    void keepAlivePingIsAnsweredWithPong() {
        channel.writeInbound(Unpooled.copiedBuffer("\r\n\r\n", StandardCharsets.US_ASCII));
        ByteBuf pong = channel.readOutbound();
        assertThat(pong.toString(StandardCharsets.US_ASCII)).isEqualTo("\r\n");
        pong.release();
        assertThat(channel.<Object>readInbound()).isNull();
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void keepAlivePingSplitAcrossReadsIsAnsweredOnce() {
        channel.writeInbound(Unpooled.copiedBuffer("\r\n", StandardCharsets.US_ASCII));
        assertThat(channel.<Object>readOutbound()).isNull();
        channel.writeInbound(Unpooled.copiedBuffer("\r\n" + MESSAGE, StandardCharsets.US_ASCII));
        ByteBuf pong = channel.readOutbound();
        assertThat(pong.toString(StandardCharsets.US_ASCII)).isEqualTo("\r\n");
        pong.release();
        assertThat(channel.<Object>readOutbound()).isNull();
        assertThat(text(channel.readInbound())).isEqualTo(MESSAGE);
    }

    @Test
    void strayLineBreaksBetweenMessagesAreSkipped() {
        channel.writeInbound(Unpooled.copiedBuffer(MESSAGE + "\r\n" + MESSAGE, StandardCharsets.UTF_8));
        assertThat(text(channel.readInbound())).isEqualTo(MESSAGE);
        assertThat(text(channel.readInbound())).isEqualTo(MESSAGE);
        assertThat(channel.<Object>readOutbound()).isNull();
    }

    @Test
    void missingContentLengthGivesHeaderSectionWithFramingLostAndDiscardsTheRest() {
        String noLength = "OPTIONS sip:bob@example.com SIP/2.0\r\nVia: " + VIA + "\r\nCall-ID: x\r\n\r\n";
        channel.writeInbound(Unpooled.copiedBuffer(noLength + "body" + MESSAGE, StandardCharsets.UTF_8));
        StreamFrame frame = channel.readInbound();
        assertThat(frame.framing()).isEqualTo(StreamFrame.Framing.LOST);
        assertThat(new String(frame.bytes(), StandardCharsets.UTF_8)).isEqualTo(noLength);
        channel.writeInbound(Unpooled.copiedBuffer(MESSAGE, StandardCharsets.UTF_8));
        assertThat(channel.<Object>readInbound()).isNull();
    }

    @Test
    void contentLengthBeyondTheLimitGivesTheHeaderSectionMarkedTooLargeAndDiscardsTheRest() {
        String huge = MESSAGE.replace("Content-Length: 5", "Content-Length: 5000");
        channel.writeInbound(Unpooled.copiedBuffer(huge, StandardCharsets.UTF_8));
        StreamFrame frame = channel.readInbound();
        assertThat(frame.framing()).isEqualTo(StreamFrame.Framing.TOO_LARGE);
        assertThat(text(frame)).isEqualTo(huge.substring(0, huge.indexOf("\r\n\r\n") + 4));
        channel.writeInbound(Unpooled.copiedBuffer(MESSAGE, StandardCharsets.UTF_8));
        assertThat(channel.<Object>readInbound()).isNull();
    }

    @Test
    void headerSectionBeyondTheLimitGivesItsFirstBytesMarkedTooLarge() {
        String start = "OPTIONS sip:a@b SIP/2.0\r\nX: " + "y".repeat(1100);
        channel.writeInbound(Unpooled.copiedBuffer(start, StandardCharsets.UTF_8));
        StreamFrame frame = channel.readInbound();
        assertThat(frame.framing()).isEqualTo(StreamFrame.Framing.TOO_LARGE);
        assertThat(text(frame)).isEqualTo(start.substring(0, 1024));
        assertThat(channel.<Object>readInbound()).isNull();
    }

    private static String text(StreamFrame frame) {
        return new String(frame.bytes(), StandardCharsets.UTF_8);
    }
}
