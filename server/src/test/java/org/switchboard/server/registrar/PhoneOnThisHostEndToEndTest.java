package org.switchboard.server.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.server.registrar.RunningRegistrar.DOMAIN;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.accounts.AccountsConfig;
import org.switchboard.core.message.ParseResult;
import org.switchboard.core.message.SipMessage;
import org.switchboard.core.message.SipParser;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;

/**
 * Issue 12 item 4 within dialogs, with the real registrar and proxy over real sockets: a request
 * with a To tag or an ACK from a stranger reaches another port of this host only while a phone is
 * registered from there, as the registrar's index of places on this host says; anywhere else on
 * this host it gets 403 (an ACK is dropped) and nothing arrives.
 */
class PhoneOnThisHostEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void inDialogRequestsFromAStrangerReachAPortOfThisHostOnlyWhileAPhoneIsRegisteredThere() throws IOException {
        try (RunningRegistrar server = RunningRegistrar.inMemory(dir, AccountsConfig.defaults(), true);
                TestPhone phone = server.phone("201", "phone-secret-1");
                Socket stranger = new Socket(); Socket pbx = new Socket()) {
            assertThat(phone.register().contact("<" + phone.contact() + ">").sendAuthenticated().statusCode())
                    .isEqualTo(200);

            // a BYE from the other party of a call to the softphone on this host
            stranger.send(server, inDialog(server, "BYE", phone.contact(), stranger));
            SipRequest bye = (SipRequest) receive(phone.socket);
            assertThat(bye.requestUri()).isEqualTo(phone.contact());
            reply(phone.socket, server, bye, 200);
            assertThat(((SipResponse) stranger.receive()).statusCode()).isEqualTo(200);

            // a port of this host where no phone is registered
            String pbxUri = "sip:x@127.0.0.1:" + pbx.port();
            for (String method : new String[] {"MESSAGE", "BYE"}) {
                stranger.send(server, inDialog(server, method, pbxUri, stranger));
                SipResponse refused = (SipResponse) stranger.receive();
                assertThat(refused.statusCode()).as(method).isEqualTo(403);
                assertThat(refused.reasonPhrase()).isEqualTo("Relaying Denied");
            }
            stranger.send(server, inDialog(server, "ACK", pbxUri, stranger));
            stranger.send(server, inDialog(server, "ACK", phone.contact(), stranger));
            assertThat(((SipRequest) receive(phone.socket)).isMethod("ACK")).isTrue(); // the first was handled by then
            assertThat(pbx.nothingWithin(300)).isTrue();

            // once the phone has unregistered, its port is like any other
            assertThat(phone.register().contact("<" + phone.contact() + ">").expires(0).sendAuthenticated()
                    .statusCode()).isEqualTo(200);
            stranger.send(server, inDialog(server, "MESSAGE", phone.contact(), stranger));
            assertThat(((SipResponse) stranger.receive()).statusCode()).isEqualTo(403);
        }
    }

    /** A request within a dialog (To tag), loose-routed through the server, as a peer sends it. */
    private static String inDialog(RunningRegistrar server, String method, String uri, Socket from) {
        String cseq = method.equals("ACK") ? "1 ACK" : "2 " + method;
        return method + " " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + from.port() + ";branch=z9hG4bK" + UUID.randomUUID() + ";rport\r\n"
                + "Route: <sip:127.0.0.1:" + server.address().getPort() + ";lr>\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:caller@outside.test>;tag=caller-tag\r\n"
                + "To: <sip:201@" + DOMAIN + ">;tag=phone-tag\r\n"
                + "Call-ID: " + UUID.randomUUID() + "@outside.test\r\n"
                + "CSeq: " + cseq + "\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    private static void reply(DatagramSocket socket, RunningRegistrar server, SipRequest request, int status)
            throws IOException {
        byte[] bytes = SipResponse.builderFor(request, status, "OK").build().encode();
        socket.send(new DatagramPacket(bytes, bytes.length, server.address()));
    }

    private static SipMessage receive(DatagramSocket socket) throws IOException {
        byte[] buf = new byte[65_535];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
            socket.receive(p);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("nothing arrived within " + socket.getSoTimeout() + " ms", e);
        }
        ParseResult parsed = SipParser.parse(p.getData(), 0, p.getLength(), true);
        assertThat(parsed.isSuccess()).as("a parsable message: %s", parsed.error()).isTrue();
        return parsed.message();
    }

    /** A UDP socket on 127.0.0.1 that is not registered: the stranger, or a local service. */
    private static final class Socket implements AutoCloseable {
        final DatagramSocket socket;

        Socket() throws IOException {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            socket.setSoTimeout(5000);
        }

        int port() {
            return socket.getLocalPort();
        }

        void send(RunningRegistrar server, String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(bytes, bytes.length, server.address()));
        }

        /** The next final response. */
        SipMessage receive() throws IOException {
            SipMessage m;
            do {
                m = PhoneOnThisHostEndToEndTest.receive(socket);
            } while (m instanceof SipResponse r && r.statusCode() < 200);
            return m;
        }

        boolean nothingWithin(int millis) throws IOException {
            socket.setSoTimeout(millis);
            try {
                socket.receive(new DatagramPacket(new byte[65_535], 65_535));
                return false;
            } catch (SocketTimeoutException e) {
                return true;
            }
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
