package org.switchboard.core.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Reads test messages and turns LF-separated text into wire bytes; see messages/README.md. */
public final class TestMessages {
    private TestMessages() {
    }

    /** The wire bytes of a message file under {@code /messages/}. */
    public static byte[] load(String path) {
        try (InputStream in = TestMessages.class.getResourceAsStream("/messages/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No test message " + path);
            }
            return wire(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** LF becomes CRLF; {@code <repeat count=N>} and {@code <hex>} are expanded. */
    static byte[] wire(String text) {
        String t = expandRepeats(text);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(t.length() + 64);
        int pos = 0;
        while (true) {
            int hex = t.indexOf("<hex>", pos);
            String plain = t.substring(pos, hex < 0 ? t.length() : hex);
            out.writeBytes(plain.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
            if (hex < 0) {
                return out.toByteArray();
            }
            int close = t.indexOf("</hex>", hex);
            out.writeBytes(HexFormat.of().parseHex(t.substring(hex + 5, close).replaceAll("\\s", "")));
            pos = close + 6;
        }
    }

    private static String expandRepeats(String t) {
        StringBuilder b = new StringBuilder(t.length() * 2);
        int pos = 0;
        while (true) {
            int open = t.indexOf("<repeat count=", pos);
            if (open < 0) {
                return b.append(t, pos, t.length()).toString();
            }
            int gt = t.indexOf('>', open);
            int close = t.indexOf("</repeat>", gt);
            int count = Integer.parseInt(t.substring(open + 14, gt));
            b.append(t, pos, open).append(t.substring(gt + 1, close).repeat(count));
            pos = close + 9;
        }
    }

    /** Parses LF-separated text as a datagram. */
    static SipMessage parse(String text) {
        return parseResult(text, true).message();
    }

    static ParseResult parseResult(String text, boolean datagram) {
        byte[] b = wire(text);
        return SipParser.parse(b, 0, b.length, datagram);
    }

    static SipRequest request(String text) {
        return (SipRequest) parse(text);
    }
}
