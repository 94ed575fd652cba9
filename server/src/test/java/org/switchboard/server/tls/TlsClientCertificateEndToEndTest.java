package org.switchboard.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.server.config.ClientCertificates;
import org.switchboard.server.config.HttpSettings;
import org.switchboard.server.config.TlsSettings;
import org.switchboard.testkit.phone.Phone;

/**
 * {@code --tls-client-auth require} with a configured certificate and client CA, as for snom phones
 * with their vendor-signed certificates: a phone with a certificate of that CA registers; one without
 * a certificate, and one with a certificate of another CA, are refused in the handshake.
 */
class TlsClientCertificateEndToEndTest {
    @TempDir
    Path dir;

    private TestPki vendor;
    private TestPki.Identity serverIdentity;
    private TlsServer server;

    @BeforeEach
    void start() throws Exception {
        TestPki office = new TestPki("Office CA");
        vendor = new TestPki("Phone Vendor CA");
        serverIdentity = office.issue("pbx").writeTo(dir.resolve("pbx.crt"), dir.resolve("pbx.key"));
        Path vendorCa = vendor.writeCertificate(dir.resolve("vendor-ca.pem"));
        server = new TlsServer(dir.resolve("data"), new TlsSettings(TlsSettings.DEFAULT_SIP_PORT,
                Optional.of(dir.resolve("pbx.crt")), Optional.of(dir.resolve("pbx.key")), List.of(vendorCa),
                ClientCertificates.REQUIRE, HttpSettings.DISABLED));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aPhoneWithACertificateOfTheConfiguredCaRegisters() throws Exception {
        SSLContext withCertificate = TestPki.client(vendor.issue("snom-000413A1B2C3"),
                serverIdentity.chain().get(1));
        try (Phone phone = Phone.of("201", TlsServer.DOMAIN).password(TlsServer.PASSWORD).server(server.tls)
                .tls(withCertificate).open()) {
            assertThat(phone.register().expectChallenge().answer().expect(200).response().status()).isEqualTo(200);
        }
        assertThat(dir.resolve("data/tls")).as("a configured certificate, none generated").doesNotExist();
    }

    @Test
    void aPhoneWithoutACertificateIsRefusedInTheHandshake() throws Exception {
        assertThat(answerToRegister(TestPki.client(null, serverIdentity.chain().get(1)))).isEmpty();
    }

    @Test
    void aPhoneWithACertificateOfAnotherCaIsRefusedInTheHandshake() throws Exception {
        TestPki.Identity stranger = new TestPki("Someone Else's CA").issue("intruder");
        assertThat(answerToRegister(TestPki.client(stranger, serverIdentity.chain().get(1)))).isEmpty();
    }

    /**
     * Connects, sends an unauthenticated REGISTER and reads what comes back: a SIP answer, or
     * nothing when the handshake failed (in TLS 1.3 the client learns that at its first read).
     */
    private String answerToRegister(SSLContext context) throws IOException {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(TlsServer.LOOPBACK,
                server.tls.getPort())) {
            socket.setSoTimeout(5000);
            socket.startHandshake();
            String register = "REGISTER sip:" + TlsServer.DOMAIN + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/TLS 127.0.0.1:5061;branch=z9hG4bK-refused-1\r\n"
                    + "From: <sip:201@" + TlsServer.DOMAIN + ">;tag=1\r\nTo: <sip:201@" + TlsServer.DOMAIN + ">\r\n"
                    + "Call-ID: refused-1@127.0.0.1\r\nCSeq: 1 REGISTER\r\nMax-Forwards: 70\r\n"
                    + "Contact: <sip:201@127.0.0.1:5061;transport=tls>\r\nContent-Length: 0\r\n\r\n";
            socket.getOutputStream().write(register.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(12);
            return new String(answer, StandardCharsets.US_ASCII);
        } catch (IOException refused) {
            return "";
        }
    }
}
