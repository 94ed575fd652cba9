package org.switchboard.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.server.config.TlsSettings;
import org.switchboard.testkit.phone.Call;
import org.switchboard.testkit.phone.ClientTransaction;
import org.switchboard.testkit.phone.Incoming;
import org.switchboard.testkit.phone.Phone;

/**
 * SIP over TLS and HTTPS on an in-process server with the certificate it generates on its first
 * start: a phone registered over TLS is called from a UDP phone over its own TLS connection, an old
 * protocol version is refused, HTTPS sets Secure cookies, and a replaced certificate is served to
 * the next handshake.
 */
class TlsEndToEndTest {
    @TempDir
    Path dataDir;

    private TlsServer server;
    private X509Certificate generated;

    @BeforeEach
    void start() throws Exception {
        server = new TlsServer(dataDir, TlsSettings.DEFAULTS);
        generated = Pem.readCertificates(dataDir.resolve("tls/cert.pem")).get(0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Phone.Builder phone(String user) {
        return Phone.of(user, TlsServer.DOMAIN).password(TlsServer.PASSWORD);
    }

    @Test
    void phoneRegisteredOverTlsIsCalledFromAUdpPhoneOverItsOwnTlsConnection() throws Exception {
        SSLContext trustsGenerated = TestPki.client(null, generated);
        try (Phone bob = phone("202").server(server.tls).tls(trustsGenerated).open();
                Phone alice = phone("201").server(server.udp).open()) {
            assertThat(bob.register().expectChallenge().answer().expect(200).response().contactUris())
                    .containsExactly(bob.contact());
            assertThat(bob.contact()).endsWith(";transport=tls");

            Call call = alice.call("sip:202@" + TlsServer.DOMAIN).expect(407).answer();
            Incoming invite = bob.expect("INVITE");

            // the server's listening TLS port is the remote end: the INVITE came over the phone's own
            // connection, not a new one (the phone's listener takes no TLS handshakes)
            assertThat(invite.from()).isEqualTo(server.tls);
            assertThat(invite.request().headerValues("Via").get(0)).startsWith("SIP/2.0/TLS 127.0.0.1:"
                    + server.tls.getPort() + ";");
            // RFC 3261 §16.6 step 4: one Record-Route per side, each naming its transport
            assertThat(String.join(",", invite.request().headerValues("Record-Route")))
                    .contains("<sip:127.0.0.1:" + server.tls.getPort() + ";transport=tls;lr>")
                    .contains("<sip:127.0.0.1:" + server.udp.getPort() + ";transport=udp;lr>");

            invite.ring();
            call.expect(180);
            invite.answer();
            call.expect(200).ack();
            invite.expectAck();
            ClientTransaction bye = call.bye();
            bob.expect("BYE").respond(200);
            bye.expect(200);
        }
    }

    @Test
    void sipAndHttpsPresentTheCertificateGeneratedIntoTheDataDirectory() throws Exception {
        assertThat(fingerprintOverSip()).isEqualTo(TlsMaterial.fingerprint(generated));
        assertThat(fingerprintOverHttps()).isEqualTo(TlsMaterial.fingerprint(generated));
        assertThat(server.certificate.material().fingerprint()).isEqualTo(TlsMaterial.fingerprint(generated));
    }

    @Test
    void aTls11ClientHelloIsAnsweredWithAProtocolVersionAlertAndATls12OneWithAServerHello() throws Exception {
        byte[] tls11 = answerTo(ClientHellos.of(0x0302));
        assertThat(tls11[0]).as("alert record").isEqualTo((byte) 21);
        assertThat(tls11[6]).as("protocol_version (RFC 5246 §7.2)").isEqualTo((byte) 70);

        byte[] tls12 = answerTo(ClientHellos.of(0x0303));
        assertThat(tls12[0]).as("handshake record").isEqualTo((byte) 22);
        assertThat(tls12[5]).as("ServerHello").isEqualTo((byte) 2);
    }

    @Test
    void httpsServesTheLoginPageWithSecureCookiesAndHttpWithout() throws Exception {
        HttpClient https = HttpClient.newBuilder().sslContext(TestPki.client(null, generated)).build();
        HttpResponse<String> secure = https.send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + server.httpsPort + "/admin/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.httpPort + "/admin/login")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(secure.statusCode()).isEqualTo(200);
        assertThat(secure.body()).contains("Log in");
        assertThat(secure.headers().allValues("Set-Cookie")).isNotEmpty().allMatch(c -> c.endsWith("; Secure"));
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().allValues("Set-Cookie")).isNotEmpty().noneMatch(c -> c.contains("Secure"));
    }

    @Test
    void aCertificateReplacedWhileRunningIsPresentedToTheNextHandshakeOnSipAndHttps() throws Exception {
        SSLContext trustsGenerated = TestPki.client(null, generated);
        try (Phone before = phone("201").server(server.tls).tls(trustsGenerated).open()) {
            assertThat(before.register().expectChallenge().answer().expect(200).response().status()).isEqualTo(200);

            TestPki.Identity replacement = new TestPki("Office CA").issue("pbx.example.com")
                    .writeTo(dataDir.resolve("tls/cert.pem"), dataDir.resolve("tls/key.pem"));
            for (Path file : List.of(dataDir.resolve("tls/cert.pem"), dataDir.resolve("tls/key.pem"))) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(2)));
            }
            // what the poller does every 10 s
            assertThat(server.certificate.reloadIfChanged()).isTrue();

            String expected = TlsMaterial.fingerprint(replacement.certificate());
            assertThat(expected).isNotEqualTo(TlsMaterial.fingerprint(generated));
            assertThat(fingerprintOverSip()).isEqualTo(expected);
            assertThat(fingerprintOverHttps()).isEqualTo(expected);
            // the connection made before keeps working with the old certificate
            assertThat(before.register().expectChallenge().answer().expect(200).response().status()).isEqualTo(200);
        }
    }

    private String fingerprintOverSip() throws Exception {
        return fingerprint(server.tls.getPort());
    }

    private String fingerprintOverHttps() throws Exception {
        return fingerprint(server.httpsPort);
    }

    /** The fingerprint of the certificate a server presents, trusting whatever it presents. */
    private static String fingerprint(int port) throws Exception {
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new javax.net.ssl.TrustManager[] {new TrustAll()}, null);
        try (SSLSocket socket = (SSLSocket) trustAll.getSocketFactory().createSocket(TlsServer.LOOPBACK, port)) {
            socket.startHandshake();
            return TlsMaterial.fingerprint((X509Certificate) socket.getSession().getPeerCertificates()[0]);
        }
    }

    /** The first bytes the server answers a raw ClientHello with. */
    private byte[] answerTo(byte[] clientHello) throws Exception {
        try (Socket socket = new Socket(TlsServer.LOOPBACK, server.tls.getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(clientHello);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            while (answer.size() < 7) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                answer.write(b);
            }
            return answer.toByteArray();
        }
    }
}
