package org.switchboard.core.transport.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts SIP messages out of a byte stream (RFC 3261 §18.3): the header section ends at the first
 * blank line and the body is Content-Length bytes long. Emits {@link StreamFrame}s.
 *
 * <ul>
 *   <li>CRLFCRLF between messages is an RFC 5626 §4.4.1 keep-alive ping: answered with a CRLF pong.
 *       Other stray CR and LF bytes between messages are skipped.
 *   <li>A header section without a usable Content-Length is emitted with {@code framingLost} set (so
 *       the request can get its 400) and everything after it is discarded.
 *   <li>A message larger than the limit is emitted as its header section (as much of it as came
 *       within the limit) marked too large, so the request can get its 513, and everything after it
 *       is discarded.
 * </ul>
 *
 * <p>One instance per channel; runs on the channel's event loop.
 */
final class SipStreamDecoder extends ByteToMessageDecoder {
    private static final Logger log = LoggerFactory.getLogger(SipStreamDecoder.class);
    private static final byte[] PONG = {'\r', '\n'};

    private final int maxMessageSize;
    private boolean discarding;
    /** How far past the reader index the search for the blank line has got without finding it. */
    private int scanned;

    SipStreamDecoder(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (discarding) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (!skipKeepAlives(ctx, in)) {
            return;
        }
        int start = in.readerIndex();
        int end = in.writerIndex();
        int headerEnd = headerSectionEnd(in, start + Math.max(0, scanned - 2), end);
        if (headerEnd < 0) {
            scanned = end - start;
            if (scanned > maxMessageSize) {
                tooLarge(ctx, in, out, start + maxMessageSize, "header section exceeds " + maxMessageSize + " bytes");
            }
            return;
        }
        scanned = 0;
        long contentLength = ContentLength.find(in, start, headerEnd);
        if (contentLength < 0) {
            // RFC 3261 §18.3: a stream message needs Content-Length; without it nothing after can be framed
            out.add(new StreamFrame(copy(in, start, headerEnd), StreamFrame.Framing.LOST));
            discarding = true;
            in.skipBytes(in.readableBytes());
            return;
        }
        long total = headerEnd - start + contentLength;
        if (total > maxMessageSize) {
            tooLarge(ctx, in, out, headerEnd, "message of " + total + " bytes exceeds " + maxMessageSize);
            return;
        }
        if (in.readableBytes() < total) {
            return;
        }
        out.add(new StreamFrame(copy(in, start, (int) (start + total)), StreamFrame.Framing.WHOLE));
        in.skipBytes((int) total);
    }

    /**
     * Consumes CR and LF bytes before a message, answering each CRLFCRLF ping. Returns {@code false}
     * if the buffer is empty afterwards or ends in what may become a ping.
     */
    private static boolean skipKeepAlives(ChannelHandlerContext ctx, ByteBuf in) {
        while (in.isReadable()) {
            int i = in.readerIndex();
            byte b = in.getByte(i);
            if (b != '\r' && b != '\n') {
                return true;
            }
            int pingPrefix = pingPrefixLength(in, i);
            if (pingPrefix == 4) {
                in.skipBytes(4);
                ctx.writeAndFlush(Unpooled.wrappedBuffer(PONG));
            } else if (pingPrefix == in.readableBytes()) {
                return false; // the rest of a ping may still come
            } else {
                in.skipBytes(1);
            }
        }
        return false;
    }

    /** How many of the bytes from {@code i} match CRLFCRLF, up to 4. */
    private static int pingPrefixLength(ByteBuf in, int i) {
        int n = 0;
        int end = in.writerIndex();
        while (n < 4 && i + n < end && in.getByte(i + n) == (n % 2 == 0 ? '\r' : '\n')) {
            n++;
        }
        return n;
    }

    /** Index just past the blank line ending the headers in {@code [from, end)}, or -1. */
    private static int headerSectionEnd(ByteBuf in, int from, int end) {
        int lf = in.indexOf(from, end, (byte) '\n');
        while (lf >= 0 && lf + 1 < end) {
            byte next = in.getByte(lf + 1);
            if (next == '\n') {
                return lf + 2;
            }
            if (next == '\r' && lf + 2 < end && in.getByte(lf + 2) == '\n') {
                return lf + 3;
            }
            lf = in.indexOf(lf + 1, end, (byte) '\n');
        }
        return -1;
    }

    /** Emits the start of the message up to {@code headEnd} for its 513, and discards the rest. */
    private void tooLarge(ChannelHandlerContext ctx, ByteBuf in, List<Object> out, int headEnd, String what) {
        log.debug("Refusing a message from {}: {}", ctx.channel().remoteAddress(), what);
        out.add(new StreamFrame(copy(in, in.readerIndex(), headEnd), StreamFrame.Framing.TOO_LARGE));
        discarding = true;
        in.skipBytes(in.readableBytes());
    }

    private static byte[] copy(ByteBuf in, int from, int to) {
        byte[] bytes = new byte[to - from];
        in.getBytes(from, bytes);
        return bytes;
    }
}
