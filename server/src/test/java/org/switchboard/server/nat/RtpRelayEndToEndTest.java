package org.switchboard.server.nat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.switchboard.testkit.phone.Call;
import org.switchboard.testkit.phone.ClientTransaction;
import org.switchboard.testkit.phone.Incoming;
import org.switchboard.testkit.phone.Phone;
import org.switchboard.testkit.server.SwitchboardServer;

/**
 * The RTP relay with real sockets on 127.0.0.1 ({@code rtp.relay=always}): a call's offer and answer
 * reach the other phone naming relay ports, RTP and RTCP sent by each phone to the relay arrive at
 * the other phone from the relay ports, counted at both ends, early media in a 183 too, and the ports
 * are freed by the BYE and by the CANCEL.
 */
class RtpRelayEndToEndTest {
    private static final String DOMAIN = "example.com";
    private static final String PASSWORD = "rtp-secret-1";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int FIRST_PORT = 36000;
    private static final int LAST_PORT = 36999;
    private static final int PACKETS = 50;
    private static final Pattern MEDIA = Pattern.compile("m=audio (\\d+) ");

    @RegisterExtension
    final SwitchboardServer server = SwitchboardServer.create().withoutHttp().user(DOMAIN, "501", PASSWORD)
            .option("rtp.relay", "always").option("rtp.ports", FIRST_PORT + "-" + LAST_PORT);

    @Test
    void rtpFlowsBothWaysThroughTheRelayPortsAndTheByeFreesThem() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (Phone callee = server.phone("501").timeout(WAIT).open(); Phone caller = caller();
                DatagramSocket callerMedia = new DatagramSocket(0, loopback);
                DatagramSocket calleeMedia = new DatagramSocket(0, loopback)) {
            assertThat(callee.register().expectChallenge().answer().expectFinal().status()).isEqualTo(200);

            Call call = caller.call("sip:501@" + DOMAIN,
                    invite -> invite.withBody("application/sdp", audio(callerMedia.getLocalPort())));
            Incoming invite = callee.expect("INVITE");
            String offer = invite.request().bodyText();
            int calleeFacing = mediaPort(offer);
            assertThat(offer).contains("c=IN IP4 127.0.0.1\r\n");
            assertThat(calleeFacing).isBetween(FIRST_PORT, LAST_PORT).isNotEqualTo(callerMedia.getLocalPort());
            invite.respond(200, ok -> ok.withBody("application/sdp", audio(calleeMedia.getLocalPort())));
            call.expect(200);
            int callerFacing = mediaPort(call.response().bodyText());
            assertThat(callerFacing).isBetween(FIRST_PORT, LAST_PORT).isNotEqualTo(calleeFacing);
            call.ack();
            invite.expectAck();

            InetSocketAddress toCallerFacing = new InetSocketAddress(loopback, callerFacing);
            InetSocketAddress toCalleeFacing = new InetSocketAddress(loopback, calleeFacing);
            int atCallee = 0;
            int atCaller = 0;
            for (int seq = 0; seq < PACKETS; seq++) {
                callerMedia.send(rtp(seq, toCallerFacing));
                atCallee += receivedFrom(calleeMedia, toCalleeFacing);
                calleeMedia.send(rtp(seq, toCalleeFacing));
                atCaller += receivedFrom(callerMedia, toCallerFacing);
            }
            try (DatagramSocket callerControl = new DatagramSocket(callerMedia.getLocalPort() + 1, loopback);
                    DatagramSocket calleeControl = new DatagramSocket(calleeMedia.getLocalPort() + 1, loopback)) {
                callerControl.send(rtcp(new InetSocketAddress(loopback, callerFacing + 1)));
                assertThat(receivedFrom(calleeControl, new InetSocketAddress(loopback, calleeFacing + 1)))
                        .as("RTCP to the callee from the next relay port").isEqualTo(1);
            } catch (java.net.BindException e) {
                // the port above a phone's RTP port is taken on this host: RTCP is covered by the unit tests
            }

            assertThat(atCallee).as("RTP packets the callee got from the relay").isEqualTo(PACKETS);
            assertThat(atCaller).as("RTP packets the caller got from the relay").isEqualTo(PACKETS);

            ClientTransaction bye = call.bye();
            callee.expect("BYE").respond(200);
            bye.expect(200);
            assertThat(freedWithin(callerFacing, WAIT)).as("caller-facing port freed by the BYE").isTrue();
            assertThat(freedWithin(calleeFacing, WAIT)).as("callee-facing port freed by the BYE").isTrue();
        }
    }

    @Test
    void earlyMediaFlowsAndTheCancelFreesThePorts() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (Phone callee = server.phone("501").timeout(WAIT).open(); Phone caller = caller();
                DatagramSocket callerMedia = new DatagramSocket(0, loopback);
                DatagramSocket calleeMedia = new DatagramSocket(0, loopback)) {
            assertThat(callee.register().expectChallenge().answer().expectFinal().status()).isEqualTo(200);

            Call call = caller.call("sip:501@" + DOMAIN,
                    invite -> invite.withBody("application/sdp", audio(callerMedia.getLocalPort())));
            Incoming invite = callee.expect("INVITE");
            int calleeFacing = mediaPort(invite.request().bodyText());
            invite.respond(183, progress -> progress.withBody("application/sdp", audio(calleeMedia.getLocalPort())));
            call.expect(183);
            int callerFacing = mediaPort(call.response().bodyText());
            assertThat(callerFacing).isBetween(FIRST_PORT, LAST_PORT);

            calleeMedia.send(rtp(1, new InetSocketAddress(loopback, calleeFacing)));
            assertThat(receivedFrom(callerMedia, new InetSocketAddress(loopback, callerFacing)))
                    .as("early media (183) reaches the caller through the relay").isEqualTo(1);

            ClientTransaction cancel = call.cancel();
            invite.expectCancel();
            cancel.expect(200);
            call.expect(487);
            assertThat(freedWithin(callerFacing, WAIT)).as("caller-facing port freed by the CANCEL").isTrue();
            assertThat(freedWithin(calleeFacing, WAIT)).as("callee-facing port freed by the CANCEL").isTrue();
        }
    }

    /** A caller from outside our domains, which the server lets call its users without a challenge. */
    private Phone caller() {
        return Phone.of("caller", "outside.test").server(server.sipAddress()).timeout(WAIT).open();
    }

    private static String audio(int port) {
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio " + port
                + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
    }

    private static int mediaPort(String sdp) {
        Matcher m = MEDIA.matcher(sdp);
        assertThat(m.find()).as("an m=audio line in\n%s", sdp).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** A G.711 packet: 12 bytes of header, 160 of payload. */
    private static DatagramPacket rtp(int seq, InetSocketAddress to) {
        byte[] packet = new byte[172];
        packet[0] = (byte) 0x80;
        packet[2] = (byte) (seq >> 8);
        packet[3] = (byte) seq;
        return new DatagramPacket(packet, packet.length, to);
    }

    private static DatagramPacket rtcp(InetSocketAddress to) {
        byte[] report = {(byte) 0x80, (byte) 201, 0, 1, 0, 0, 0, 1};
        return new DatagramPacket(report, report.length, to);
    }

    /** 1 if a datagram from {@code relay} arrives within the wait, else 0. */
    private static int receivedFrom(DatagramSocket socket, InetSocketAddress relay) throws IOException {
        socket.setSoTimeout((int) WAIT.toMillis());
        DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return 0;
        }
        assertThat(packet.getSocketAddress()).as("sent from the relay port").isEqualTo(relay);
        return 1;
    }

    private static boolean freedWithin(int port, Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            try (DatagramSocket probe = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                return true;
            } catch (java.net.BindException e) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }
}
