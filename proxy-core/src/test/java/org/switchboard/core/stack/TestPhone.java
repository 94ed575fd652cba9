package org.switchboard.core.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.switchboard.core.message.SipMessage;
import org.switchboard.core.message.SipParser;
import org.switchboard.core.message.SipResponse;

/**
 * A phone-like client for end-to-end tests: writes raw SIP text to the server over UDP or TCP and
 * reads back what the server sends. Line ends in the given text are turned into CRLF.
 */
final class TestPhone implements AutoCloseable {
    private final DatagramSocket udp;
    private final Socket tcp;
    private final InetSocketAddress server;
    private byte[] pending = new byte[0];

    private TestPhone(DatagramSocket udp, Socket tcp, InetSocketAddress server) {
        this.udp = udp;
        this.tcp = tcp;
        this.server = server;
    }

    static TestPhone udp(InetSocketAddress server) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(server.getAddress(), 0));
        return new TestPhone(socket, null, server);
    }

    static TestPhone tcp(InetSocketAddress server) throws IOException {
        Socket socket = new Socket();
        socket.connect(server, 2000);
        return new TestPhone(null, socket, server);
    }

    InetAddress localAddress() {
        return udp != null ? udp.getLocalAddress() : tcp.getLocalAddress();
    }

    int localPort() {
        return udp != null ? udp.getLocalPort() : tcp.getLocalPort();
    }

    /** The host:port of this phone as a Via sent-by, IPv6 in brackets. */
    String sentBy() {
        String host = localAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + localPort();
    }

    void send(String text) throws IOException {
        sendBytes(text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    void sendBytes(byte[] bytes) throws IOException {
        if (udp != null) {
            udp.send(new DatagramPacket(bytes, bytes.length, server));
        } else {
            OutputStream out = tcp.getOutputStream();
            out.write(bytes);
            out.flush();
        }
    }

    /** The next response, or {@code null} if none arrives within the timeout. */
    SipResponse receive(int timeoutMillis) throws IOException {
        SipMessage message = receiveMessage(timeoutMillis);
        return (SipResponse) message;
    }

    SipMessage receiveMessage(int timeoutMillis) throws IOException {
        byte[] raw = udp != null ? receiveDatagram(timeoutMillis) : receiveFramed(timeoutMillis);
        if (raw == null) {
            return null;
        }
        var result = SipParser.parse(raw, 0, raw.length, udp != null);
        if (!result.isSuccess()) {
            throw new AssertionError("Server sent unparseable bytes: " + result.error());
        }
        return result.message();
    }

    private byte[] receiveDatagram(int timeoutMillis) throws IOException {
        byte[] buf = new byte[65536];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        udp.setSoTimeout(timeoutMillis);
        try {
            udp.receive(packet);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return Arrays.copyOf(buf, packet.getLength());
    }

    private byte[] receiveFramed(int timeoutMillis) throws IOException {
        tcp.setSoTimeout(timeoutMillis);
        InputStream in = tcp.getInputStream();
        byte[] buf = new byte[8192];
        while (true) {
            int headerEnd = SipParser.headerSectionEnd(pending, 0, pending.length);
            if (headerEnd > 0) {
                int length = headerEnd + contentLength(new String(pending, 0, headerEnd, StandardCharsets.UTF_8));
                if (pending.length >= length) {
                    byte[] message = Arrays.copyOf(pending, length);
                    pending = Arrays.copyOfRange(pending, length, pending.length);
                    return message;
                }
            }
            int n;
            try {
                n = in.read(buf);
            } catch (SocketTimeoutException e) {
                return null;
            }
            if (n < 0) {
                return null;
            }
            byte[] joined = Arrays.copyOf(pending, pending.length + n);
            System.arraycopy(buf, 0, joined, pending.length, n);
            pending = joined;
        }
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String name = line.substring(0, colon).trim();
                if (name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("l")) {
                    return Integer.parseInt(line.substring(colon + 1).trim());
                }
            }
        }
        return 0;
    }

    boolean isConnected() {
        return tcp != null && !tcp.isClosed();
    }

    @Override
    public void close() throws IOException {
        if (udp != null) {
            udp.close();
        }
        if (tcp != null) {
            tcp.close();
        }
    }
}
