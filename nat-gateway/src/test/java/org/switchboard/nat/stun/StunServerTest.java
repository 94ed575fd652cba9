package org.switchboard.nat.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The STUN server on loopback ports: Binding over IPv4 and IPv6, change-port, a malformed packet. */
class StunServerTest {
    private static final String ID = "0102030405060708090a0b0c";
    private static final String BINDING = "00010000" + "2112a442" + ID;

    private final StunStatistics statistics = new StunStatistics(Clock.systemUTC(), 100);
    private final StunServer server = new StunServer(new StunResponder(statistics));

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void answersABindingRequestFromIpv4WithTheSourceAddress() throws Exception {
        server.start(InetAddress.getLoopbackAddress(), 0);
        try (DatagramSocket client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            DatagramPacket answer = exchange(client, server.localAddress(), BINDING);

            assertThat(answer.getSocketAddress()).isEqualTo(server.localAddress());
            ByteBuffer response = ByteBuffer.wrap(answer.getData(), 0, answer.getLength()).slice();
            assertThat(response.getShort(0)).isEqualTo((short) 0x0101);
            assertThat(xorMapped(response)).isEqualTo(client.getLocalSocketAddress());
        }
        assertThat(statistics.sources()).singleElement().satisfies(s -> {
            assertThat(s.hits()).isEqualTo(1);
            assertThat(s.noChange()).isEqualTo(1);
        });
    }

    @Test
    void answersABindingRequestFromIpv6WithTheSourceAddress() throws Exception {
        InetAddress ipv6Loopback = InetAddress.getByName("::1");
        DatagramSocket client;
        try {
            client = new DatagramSocket(new InetSocketAddress(ipv6Loopback, 0));
        } catch (SocketException e) {
            assumeTrue(false, "IPv6 loopback ::1 is not available here: " + e.getMessage());
            return;
        }
        server.start(ipv6Loopback, 0);
        try (client) {
            DatagramPacket answer = exchange(client, server.localAddress(), BINDING);

            ByteBuffer response = ByteBuffer.wrap(answer.getData(), 0, answer.getLength()).slice();
            assertThat(response.getShort(24) & 0xFFFF).as("family IPv6").isEqualTo(2);
            assertThat(xorMapped(response)).isEqualTo(client.getLocalSocketAddress());
        }
    }

    @Test
    void changePortRequestIsAnsweredFromTheSecondPort() throws Exception {
        server.start(InetAddress.getLoopbackAddress(), 0);
        try (DatagramSocket client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            DatagramPacket answer = exchange(client, server.localAddress(),
                    "00010008" + "2112a442" + ID + "0003000400000002");

            assertThat(answer.getSocketAddress()).isEqualTo(server.secondAddress());
            assertThat(server.secondAddress().getPort()).isNotEqualTo(server.localAddress().getPort());
            ByteBuffer response = ByteBuffer.wrap(answer.getData(), 0, answer.getLength()).slice();
            assertThat(xorMapped(response)).isEqualTo(client.getLocalSocketAddress());
        }
        assertThat(statistics.sources().get(0).changePort()).isEqualTo(1);
    }

    @Test
    void malformedPacketIsDroppedAndCountedAndTheNextRequestStillAnswered() throws Exception {
        server.start(InetAddress.getLoopbackAddress(), 0);
        try (DatagramSocket client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            send(client, server.localAddress(), "00010010" + "2112a442" + ID + "0006");
            client.setSoTimeout(300);
            assertThat(receives(client, new DatagramPacket(new byte[1500], 1500)))
                    .as("a malformed message gets no answer").isFalse();

            assertThat(exchange(client, server.localAddress(), BINDING).getLength()).isGreaterThan(20);
        }
        assertThat(statistics.malformedCount()).isEqualTo(1);
        assertThat(statistics.answeredCount()).isEqualTo(1);
        assertThat(statistics.sources().get(0).errors()).isEqualTo(1);
    }

    @Test
    void changeIpRequestIsNotAnsweredWithoutAnotherServer() throws Exception {
        server.start(InetAddress.getLoopbackAddress(), 0);
        try (DatagramSocket client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            send(client, server.localAddress(), "00010008" + "2112a442" + ID + "0003000400000006");
            client.setSoTimeout(300);
            assertThat(receives(client, new DatagramPacket(new byte[1500], 1500))).isFalse();
            assertThat(exchange(client, server.localAddress(), BINDING).getLength()).isGreaterThan(20);
        }
        assertThat(statistics.sources().get(0).changeIp()).isEqualTo(1);
        assertThat(statistics.unanswerableCount()).isEqualTo(1);
    }

    private static boolean receives(DatagramSocket client, DatagramPacket into) throws Exception {
        try {
            client.receive(into);
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    private static void send(DatagramSocket client, InetSocketAddress to, String hex) throws Exception {
        byte[] bytes = HexFormat.of().parseHex(hex);
        client.send(new DatagramPacket(bytes, bytes.length, to));
    }

    private static DatagramPacket exchange(DatagramSocket client, InetSocketAddress to, String hex) throws Exception {
        send(client, to, hex);
        client.setSoTimeout(5000);
        DatagramPacket answer = new DatagramPacket(new byte[1500], 1500);
        client.receive(answer);
        byte[] id = Arrays.copyOfRange(answer.getData(), 8, 20);
        assertThat(HexFormat.of().formatHex(id)).as("transaction ID").isEqualTo(ID);
        return answer;
    }

    /** Decodes XOR-MAPPED-ADDRESS (RFC 5389 §15.2). */
    static InetSocketAddress xorMapped(ByteBuffer response) throws Exception {
        byte[] value = StunCodecTest.attribute(response, StunCodec.XOR_MAPPED_ADDRESS);
        assertThat(value).isNotNull();
        int port = (((value[2] & 0xff) << 8) | (value[3] & 0xff)) ^ 0x2112;
        byte[] address = Arrays.copyOfRange(value, 4, value.length);
        for (int i = 0; i < address.length; i++) {
            address[i] ^= response.get(4 + i);
        }
        return new InetSocketAddress(InetAddress.getByAddress(address), port);
    }
}
