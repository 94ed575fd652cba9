package org.switchboard.server.pnp;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import org.switchboard.core.message.ParseResult;
import org.switchboard.core.message.SipMessage;
import org.switchboard.core.message.SipParser;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.transport.Addresses;

/**
 * Test support: a phone on one UDP socket that sends SIP text (line ends made CRLF) unicast or to a
 * multicast group on a chosen interface, and reads what comes back with the sender's address. Used
 * from one test thread.
 */
public final class PnpPhone implements AutoCloseable {
    private final DatagramChannel channel;
    private final Selector selector;

    /** A phone bound to an ephemeral port on {@code address}, IPv4 or IPv6. */
    public static PnpPhone on(InetAddress address) throws IOException {
        DatagramChannel channel = DatagramChannel.open(address instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        channel.bind(new InetSocketAddress(address, 0));
        return new PnpPhone(channel);
    }

    /** A phone whose multicast goes out on {@code nif} and is looped back to this host. */
    public static PnpPhone multicastOn(NetworkInterface nif, InetAddress address) throws IOException {
        PnpPhone phone = on(address);
        phone.channel.setOption(StandardSocketOptions.IP_MULTICAST_IF, nif);
        phone.channel.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
        phone.channel.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 1);
        return phone;
    }

    private PnpPhone(DatagramChannel channel) throws IOException {
        this.channel = channel;
        channel.configureBlocking(false);
        this.selector = Selector.open();
        channel.register(selector, SelectionKey.OP_READ);
    }

    public InetSocketAddress address() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    /** host:port, as in Via and Contact. */
    public String hostPort() throws IOException {
        return Addresses.format(address());
    }

    public void send(String text, InetSocketAddress to) throws IOException {
        byte[] bytes = text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        channel.send(ByteBuffer.wrap(bytes), to);
    }

    public void sendBytes(byte[] bytes, InetSocketAddress to) throws IOException {
        channel.send(ByteBuffer.wrap(bytes), to);
    }

    /** A message and who sent it. */
    public record Received(SipMessage message, InetSocketAddress from) {
        public SipResponse response() {
            return (SipResponse) message;
        }

        public SipRequest request() {
            return (SipRequest) message;
        }
    }

    /** The next message, or {@code null} if none arrives within the timeout. */
    public Received receive(long timeoutMillis) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        ByteBuffer buffer = ByteBuffer.allocate(65_536);
        while (true) {
            InetSocketAddress from = (InetSocketAddress) channel.receive(buffer);
            if (from != null) {
                buffer.flip();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                ParseResult parsed = SipParser.parse(bytes, 0, bytes.length, true);
                if (parsed.message() == null) {
                    throw new IOException("Unparseable datagram from " + from + ": " + parsed.error());
                }
                return new Received(parsed.message(), from);
            }
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            selector.select(left);
            selector.selectedKeys().clear();
        }
    }

    /** The next message, failing the test if none arrives. */
    public Received expect(long timeoutMillis, String what) throws IOException {
        Received received = receive(timeoutMillis);
        if (received == null) {
            throw new SocketTimeoutException("No " + what + " within " + timeoutMillis + " ms");
        }
        return received;
    }

    /** Answers a request with 200 OK, copying Via, From, To, Call-ID and CSeq (RFC 3261 §8.2.6.2). */
    public void answerOk(Received request) throws IOException {
        SipResponse ok = SipResponse.builderFor(request.request(), 200, "OK").build();
        sendBytes(ok.encode(), request.from());
    }

    @Override
    public void close() throws IOException {
        selector.close();
        channel.close();
    }
}
