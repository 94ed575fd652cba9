package org.switchboard.testkit.phone;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardSocketOptions;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.switchboard.testkit.sip.SipMessage;

/**
 * A phone's transport: one UDP socket, or for TCP and TLS a listening socket (the port in Via and
 * Contact) and the connections the phone opened or accepted. Every message received goes to the inbox from a
 * daemon reader thread; a stream is framed by Content-Length (RFC 3261 §18.3). Sending is from the
 * test's thread.
 */
public abstract sealed class PhoneSocket implements AutoCloseable {
    final Inbox inbox;

    PhoneSocket(Inbox inbox) {
        this.inbox = inbox;
    }

    /** Opens a socket of the transport on the address, port chosen by the system. */
    static PhoneSocket open(Transport transport, InetAddress local, Inbox inbox, NetworkInterface multicast,
            SSLContext tls) throws IOException {
        if (transport != Transport.UDP) {
            if (multicast != null) {
                throw new IllegalArgumentException("multicast is for UDP phones");
            }
            if ((transport == Transport.TLS) != (tls != null)) {
                throw new IllegalArgumentException("a TLS phone needs a TLS context, and only it");
            }
            return new Tcp(local, inbox, tls);
        }
        return new Udp(local, inbox, multicast);
    }

    /** The address in Via and Contact. */
    abstract InetSocketAddress localAddress();

    /** Sends bytes to an address (over TCP on a connection to it, opened if need be). */
    abstract void send(byte[] bytes, InetSocketAddress to);

    /** Sends bytes back where a message came from (over TCP on its connection). */
    void reply(byte[] bytes, Received to) {
        if (to.connection() != null) {
            to.connection().write(bytes);
        } else {
            send(bytes, to.from());
        }
    }

    @Override
    public abstract void close();

    static Received received(byte[] bytes, InetSocketAddress from, Connection connection) {
        SipMessage message;
        try {
            message = SipMessage.parse(bytes);
        } catch (IllegalArgumentException e) {
            message = null;
        }
        return new Received(message, bytes, from, connection);
    }

    private static Thread reader(String name, Runnable loop) {
        Thread t = new Thread(loop, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** UDP: one socket for everything. */
    static final class Udp extends PhoneSocket {
        private final DatagramSocket socket;

        Udp(InetAddress local, Inbox inbox, NetworkInterface multicast) throws IOException {
            super(inbox);
            socket = new DatagramSocket(new InetSocketAddress(local, 0));
            if (multicast != null) {
                socket.setOption(StandardSocketOptions.IP_MULTICAST_IF, multicast);
                socket.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
                socket.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 1);
            }
            reader("phone-udp-" + socket.getLocalPort(), this::readLoop);
        }

        private void readLoop() {
            byte[] buffer = new byte[65_535];
            while (!socket.isClosed()) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (IOException e) {
                    return;
                }
                inbox.add(received(Arrays.copyOf(packet.getData(), packet.getLength()),
                        (InetSocketAddress) packet.getSocketAddress(), null));
            }
        }

        @Override
        InetSocketAddress localAddress() {
            return (InetSocketAddress) socket.getLocalSocketAddress();
        }

        @Override
        void send(byte[] bytes, InetSocketAddress to) {
            try {
                socket.send(new DatagramPacket(bytes, bytes.length, to));
            } catch (IOException e) {
                throw new UncheckedIOException("sending to " + to, e);
            }
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    /**
     * TCP, or TLS with a context: a listener for connections to the phone, and the connections in
     * both directions. A TLS listener without a key in its context fails every handshake, as a phone
     * that takes no TLS connections does.
     */
    static final class Tcp extends PhoneSocket {
        private final ServerSocket listener;
        private final SSLContext tls;
        private final List<Connection> connections = new CopyOnWriteArrayList<>();

        Tcp(InetAddress local, Inbox inbox, SSLContext tls) throws IOException {
            super(inbox);
            this.tls = tls;
            listener = tls == null ? new ServerSocket(0, 50, local)
                    : tls.getServerSocketFactory().createServerSocket(0, 50, local);
            reader("phone-tcp-accept-" + listener.getLocalPort(), this::acceptLoop);
        }

        private void acceptLoop() {
            while (!listener.isClosed()) {
                try {
                    connections.add(new Connection(listener.accept(), inbox));
                } catch (IOException e) {
                    return;
                }
            }
        }

        @Override
        InetSocketAddress localAddress() {
            return (InetSocketAddress) listener.getLocalSocketAddress();
        }

        @Override
        void send(byte[] bytes, InetSocketAddress to) {
            connectionTo(to).write(bytes);
        }

        /** An open connection to the address, or a new one. */
        Connection connectionTo(InetSocketAddress to) {
            for (Connection c : connections) {
                if (c.remote().equals(to) && !c.socket.isClosed()) {
                    return c;
                }
            }
            try {
                Socket socket = new Socket();
                socket.bind(new InetSocketAddress(listener.getInetAddress(), 0));
                socket.connect(to, 5000);
                if (tls != null) {
                    SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(socket,
                            to.getAddress().getHostAddress(), to.getPort(), true);
                    secure.startHandshake();
                    socket = secure;
                }
                Connection c = new Connection(socket, inbox);
                connections.add(c);
                return c;
            } catch (IOException e) {
                throw new UncheckedIOException("connecting to " + to, e);
            }
        }

        @Override
        public void close() {
            try {
                listener.close();
            } catch (IOException e) {
                // Closing a listener only fails if it is already closed.
            }
            connections.forEach(Connection::close);
        }
    }

    /** One TCP connection, read by its own thread. */
    public static final class Connection {
        private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^(?:content-length|l)[ \\t]*:[ \\t]*(\\d+)");
        private final Socket socket;
        private final OutputStream out;
        private final InetSocketAddress remote;

        Connection(Socket socket, Inbox inbox) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            this.remote = (InetSocketAddress) socket.getRemoteSocketAddress();
            InputStream in = socket.getInputStream();
            reader("phone-tcp-" + socket.getLocalPort() + "-" + remote.getPort(), () -> {
                try {
                    while (true) {
                        inbox.add(received(readMessage(in), remote, this));
                    }
                } catch (IOException e) {
                    close();
                }
            });
        }

        /** The peer's address. */
        public InetSocketAddress remote() {
            return remote;
        }

        synchronized void write(byte[] bytes) {
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("writing to " + remote, e);
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // Already closed.
            }
        }

        /** One message off the stream: headers to the blank line, then Content-Length bytes; CRLF keep-alives skipped. */
        private static byte[] readMessage(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int state = 0;
            while (state < 4) {
                int b = in.read();
                if (b < 0) {
                    throw new EOFException();
                }
                if (head.size() == 0 && (b == '\r' || b == '\n')) {
                    continue;
                }
                head.write(b);
                state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                        ? state + 1 : (b == '\r' ? 1 : 0);
            }
            String headers = head.toString(StandardCharsets.UTF_8);
            Matcher m = CONTENT_LENGTH.matcher(headers.toLowerCase(Locale.ROOT));
            int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
            byte[] body = in.readNBytes(length);
            if (body.length < length) {
                throw new EOFException();
            }
            byte[] all = Arrays.copyOf(head.toByteArray(), head.size() + length);
            System.arraycopy(body, 0, all, head.size(), length);
            return all;
        }
    }

}
