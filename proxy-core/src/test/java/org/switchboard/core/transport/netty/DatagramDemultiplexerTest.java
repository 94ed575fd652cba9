package org.switchboard.core.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.core.transport.netty.SipTestMessages.options;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.switchboard.core.spi.datagram.ClaimTap;
import org.switchboard.core.spi.datagram.Stun;
import org.switchboard.core.transport.Transport;

/**
 * The datagram demultiplexer on a real UDP socket: a plugin's claim takes a STUN Binding request
 * (RFC 5389 §6) and answers it from the SIP socket (RFC 5626 §4.4.2), while SIP still reaches the
 * codec and a claim never sees it.
 */
class DatagramDemultiplexerTest {

    /** A STUN Binding request: type 0x0001, length 0, the magic cookie, a 96-bit transaction id. */
    private static byte[] bindingRequest() {
        ByteBuffer stun = ByteBuffer.allocate(Stun.HEADER_BYTES);
        stun.putShort((short) Stun.BINDING_REQUEST).putShort((short) 0).putInt(Stun.MAGIC_COOKIE);
        for (int i = 0; i < 12; i++) {
            stun.put((byte) (i + 1));
        }
        return stun.array();
    }

    @Test
    void aClaimTakesAStunBindingRequestOnTheSipSocketAndAnswersFromIt() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        AtomicInteger offered = new AtomicInteger();
        try (RunningTransports transports = RunningTransports.on(loopback);
                DatagramSocket client = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
            client.setSoTimeout((int) RunningTransports.WAIT.toMillis());
            transports.layer.claimDatagrams(new ClaimTap((datagram, flow, reply) -> {
                offered.incrementAndGet();
                if (!Stun.isStun(datagram) || Stun.messageType(datagram) != Stun.BINDING_REQUEST) {
                    return false;
                }
                // a success response (0x0101) with the request's transaction id, no attributes
                ByteBuffer response = ByteBuffer.allocate(Stun.HEADER_BYTES);
                response.putShort((short) 0x0101).putShort((short) 0).putInt(Stun.MAGIC_COOKIE)
                        .put(datagram.duplicate().position(datagram.position() + 8).limit(datagram.position() + 20));
                reply.send(response.flip());
                return true;
            }));
            InetSocketAddress sip = transports.address(Transport.UDP);

            byte[] request = bindingRequest();
            client.send(new DatagramPacket(request, request.length, sip));
            DatagramPacket answer = new DatagramPacket(new byte[1500], 1500);
            client.receive(answer);
            byte[] got = Arrays.copyOf(answer.getData(), answer.getLength());
            assertThat(answer.getSocketAddress()).as("from the SIP socket").isEqualTo(sip);
            assertThat(Stun.isStun(ByteBuffer.wrap(got))).isTrue();
            assertThat(Stun.messageType(ByteBuffer.wrap(got))).isEqualTo(0x0101);
            assertThat(Arrays.copyOfRange(got, 8, 20)).isEqualTo(Arrays.copyOfRange(request, 8, 20));

            byte[] sipBytes = options("SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-d1;rport", "d1@test")
                    .getBytes(StandardCharsets.UTF_8);
            client.send(new DatagramPacket(sipBytes, sipBytes.length, sip));
            assertThat(transports.next().message().callId()).isEqualTo("d1@test");
            assertThat(offered).as("SIP is never offered to a claim").hasValue(1);
            assertThat(transports.received).as("the STUN request never reached the codec").isEmpty();
        }
    }

    @Test
    void tellsStunFromOtherBytes() {
        assertThat(Stun.isStun(ByteBuffer.wrap(bindingRequest()))).isTrue();
        byte[] wrongCookie = bindingRequest();
        wrongCookie[4] = 0x22;
        assertThat(Stun.isStun(ByteBuffer.wrap(wrongCookie))).isFalse();
        byte[] topBitsSet = bindingRequest();
        topBitsSet[0] = (byte) 0x80;
        assertThat(Stun.isStun(ByteBuffer.wrap(topBitsSet))).isFalse();
        assertThat(Stun.isStun(ByteBuffer.wrap("\r\n\r\n".getBytes(StandardCharsets.US_ASCII)))).isFalse();
        assertThat(Stun.isStun(ByteBuffer.wrap(Arrays.copyOf(bindingRequest(), 24))))
                .as("a length that does not match the datagram").isFalse();
    }
}
