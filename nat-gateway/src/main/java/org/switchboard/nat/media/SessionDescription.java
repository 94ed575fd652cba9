package org.switchboard.nat.media;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A session description (RFC 4566) as lines, read for what a media relay needs (each stream's
 * connection address, port and RTCP port) and rewritten to name the relay: {@code c=} lines, the
 * port of each {@code m=} line and {@code a=rtcp} (RFC 3605) point to the relay's address and
 * ports; ICE attributes (RFC 8839) are dropped, in offers and answers alike, so that neither side
 * starts ICE checks towards addresses the relay hides (an offer without {@code a=ice-ufrag} makes
 * the answerer use plain {@code c=}/{@code m=}, RFC 8839 §4.2.5). Everything else (codecs, {@code
 * a=crypto} and the RTP/SAVP profile of SRTP, direction attributes) passes unchanged: the relay
 * forwards packets without reading their payload. Immutable.
 */
public final class SessionDescription {
    /** ICE attributes (RFC 8839 §5) dropped when the relay anchors the media. */
    private static final Set<String> ICE_ATTRIBUTES = Set.of("candidate", "ice-ufrag", "ice-pwd", "ice-options",
            "ice-lite", "ice-mismatch", "ice-pacing", "remote-candidates", "end-of-candidates");

    private final List<String> lines;
    private final List<Stream> streams;

    private SessionDescription(List<String> lines, List<Stream> streams) {
        this.lines = lines;
        this.streams = streams;
    }

    /**
     * One {@code m=} line as signalled.
     *
     * @param index its position among the {@code m=} lines, from 0
     * @param port its port; 0 for a stream refused or removed (RFC 3264 §6, §8.2)
     * @param address its connection address (media-level {@code c=}, else session-level), or {@code
     *     null} for none or a hold address ({@code 0.0.0.0}, RFC 3264 §8.4 for RFC 2543 phones)
     * @param rtcpPort its RTCP port: {@code a=rtcp}, else the next port (RFC 3550 §11)
     */
    public record Stream(int index, int port, InetAddress address, int rtcpPort) {
        /** Where its RTP is sent, or {@code null} when nothing is to be sent. */
        public InetSocketAddress rtp() {
            return address == null || port == 0 ? null : new InetSocketAddress(address, port);
        }

        /** Where its RTCP is sent, or {@code null}. */
        public InetSocketAddress rtcp() {
            return address == null || port == 0 ? null : new InetSocketAddress(address, rtcpPort);
        }
    }

    /**
     * Reads a session description.
     *
     * @throws IllegalArgumentException if it is none (no {@code v=0} first) or an {@code m=} or
     *     {@code c=} line is malformed
     */
    public static SessionDescription parse(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        if (lines.isEmpty() || !lines.get(0).startsWith("v=")) {
            throw new IllegalArgumentException("not a session description: no v= line first");
        }
        List<Stream> streams = new ArrayList<>();
        InetAddress session = null;
        boolean sessionHold = false;
        int index = -1;
        int port = 0;
        InetAddress media = null;
        boolean mediaHold = false;
        boolean mediaConnection = false;
        Integer rtcp = null;
        for (String line : lines) {
            if (line.startsWith("m=")) {
                if (index >= 0) {
                    streams.add(stream(index, port, mediaConnection ? media : session,
                            mediaConnection ? mediaHold : sessionHold, rtcp));
                }
                index++;
                port = mediaPort(line);
                media = null;
                mediaHold = false;
                mediaConnection = false;
                rtcp = null;
            } else if (line.startsWith("c=")) {
                InetAddress address = connectionAddress(line);
                boolean hold = address.isAnyLocalAddress();
                if (index < 0) {
                    session = address;
                    sessionHold = hold;
                } else {
                    media = address;
                    mediaHold = hold;
                    mediaConnection = true;
                }
            } else if (index >= 0 && line.startsWith("a=rtcp:")) {
                rtcp = leadingNumber(line.substring("a=rtcp:".length()), line);
            }
        }
        if (index >= 0) {
            streams.add(stream(index, port, mediaConnection ? media : session,
                    mediaConnection ? mediaHold : sessionHold, rtcp));
        }
        return new SessionDescription(List.copyOf(lines), List.copyOf(streams));
    }

    private static Stream stream(int index, int port, InetAddress address, boolean hold, Integer rtcp) {
        return new Stream(index, port, hold ? null : address, rtcp != null ? rtcp : port + 1);
    }

    /** The streams, one per {@code m=} line, in order. */
    public List<Stream> streams() {
        return streams;
    }

    /**
     * This description naming the relay: every {@code c=} line names {@code relay} (a hold address
     * stays), the {@code m=} line of stream {@code i} has port {@code ports[i]} (a port 0 stays 0),
     * its {@code a=rtcp} the next port, and ICE attributes are gone. Lines end in CRLF (RFC 4566 §5).
     */
    public byte[] rewritten(InetAddress relay, int[] ports) {
        String connection = "IN " + family(relay) + " " + relay.getHostAddress();
        StringBuilder out = new StringBuilder();
        int index = -1;
        int port = 0;
        for (String line : lines) {
            String written = line;
            if (line.startsWith("m=")) {
                index++;
                port = mediaPort(line);
                if (port != 0) {
                    int portEnd = line.indexOf(' ', 2);
                    int tokenEnd = line.indexOf(' ', portEnd + 1);
                    written = line.substring(0, portEnd + 1) + ports[index] + line.substring(tokenEnd);
                }
            } else if (line.startsWith("c=")) {
                if (!connectionAddress(line).isAnyLocalAddress()) {
                    written = "c=" + connection;
                }
            } else if (line.startsWith("a=rtcp:") && index >= 0 && port != 0) {
                written = "a=rtcp:" + (ports[index] + 1) + " " + connection;
            } else if (line.startsWith("a=") && ICE_ATTRIBUTES.contains(attributeName(line))) {
                continue;
            }
            out.append(written).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String attributeName(String line) {
        int colon = line.indexOf(':');
        return line.substring(2, colon < 0 ? line.length() : colon).toLowerCase(Locale.ROOT);
    }

    private static String family(InetAddress address) {
        return address instanceof java.net.Inet6Address ? "IP6" : "IP4";
    }

    /** The port of {@code m=<media> <port>[/<count>] <proto> <fmt>...} (RFC 4566 §5.14). */
    private static int mediaPort(String line) {
        String[] fields = line.substring(2).split(" ");
        if (fields.length < 4) {
            throw new IllegalArgumentException("malformed media line: " + line);
        }
        int port = leadingNumber(fields[1], line);
        if (port > 65535) {
            throw new IllegalArgumentException("media port out of range: " + line);
        }
        return port;
    }

    /** The address of {@code c=IN IP4|IP6 <address>[/ttl]} (RFC 4566 §5.7). */
    private static InetAddress connectionAddress(String line) {
        String[] fields = line.substring(2).trim().split(" ");
        if (fields.length != 3 || !fields[0].equals("IN") || !(fields[1].equals("IP4") || fields[1].equals("IP6"))) {
            throw new IllegalArgumentException("malformed connection line: " + line);
        }
        String address = fields[2];
        int slash = address.indexOf('/');
        if (slash >= 0) {
            address = address.substring(0, slash);
        }
        if (!address.matches("[0-9A-Fa-f.:]+")) {
            throw new IllegalArgumentException("connection address is no IP address: " + line);
        }
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("malformed connection address: " + line, e);
        }
    }

    private static int leadingNumber(String field, String line) {
        int end = 0;
        while (end < field.length() && Character.isDigit(field.charAt(end))) {
            end++;
        }
        if (end == 0 || end > 5) {
            throw new IllegalArgumentException("malformed port: " + line);
        }
        return Integer.parseInt(field.substring(0, end));
    }
}
