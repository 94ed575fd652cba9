package org.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testkit.phone.Phone;
import org.switchboard.testkit.server.FreePorts;
import org.switchboard.testkit.sip.Match;
import org.switchboard.testkit.sip.SipMessage;

/**
 * The packaged server and its own host, over real UDP sockets: nothing is relayed into another
 * port of this host for a sender that has not authenticated, within a dialog neither (no phone is
 * registered there), requests for the server's own address are answered by the server, a REGISTER
 * for another address is refused, and a request in another SIP version is answered 505 (RFC 4475
 * §3.1.2.16).
 */
class RelaySafetyIT {
    private static final String DOMAIN = "example.com";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final int WAIT_MILLIS = 3000;

    @TempDir
    static Path dataDir;

    @TempDir
    static Path logs;

    private static ServerProcess server;
    private static InetSocketAddress sip;

    private Phone client;
    /** A local service on another port of this host, such as a PBX that trusts local peers. */
    private Phone service;

    @BeforeAll
    static void startServer() throws Exception {
        int port = FreePorts.udpAndTcp();
        server = ServerProcess.start(List.of("run", "--sip-port", Integer.toString(port), "--listen", "127.0.0.1",
                "--data-dir", dataDir.toString(), "--http-port", "0", "--no-pnp", "--domain", DOMAIN),
                logs.resolve("server.log"));
        assertThat(server.awaitLine("Switchboard started", START_TIMEOUT)).as(server.output()).isTrue();
        sip = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void openSockets() {
        client = Phone.of("client", "outside.test").server(sip).timeout(Duration.ofMillis(WAIT_MILLIS)).open();
        service = Phone.of("service", "outside.test").server(sip).open();
    }

    @AfterEach
    void closeSockets() {
        client.close();
        service.close();
    }

    @Test
    void refusesStrangersAndChallengesOurUsersBeforeAnotherPortOfThisHost() throws Exception {
        for (String host : List.of("127.0.0.1", "localhost")) {
            for (String method : List.of("OPTIONS", "INVITE", "MESSAGE")) {
                String uri = "sip:x@" + host + ":" + service.localAddress().getPort();
                assertThat(statusLine(exchange(request(method, uri, "mallory@outside.test", "SIP/2.0"))))
                        .as(method + " " + uri).isEqualTo("SIP/2.0 403 Relaying Denied");
            }
        }
        String uri = "sip:x@127.0.0.1:" + service.localAddress().getPort();
        assertThat(statusLine(exchange(request("MESSAGE", uri, "201@" + DOMAIN, "SIP/2.0"))))
                .startsWith("SIP/2.0 407 ");
        assertThat(nothingArrivesAt(service)).isTrue();
    }

    @Test
    void refusesInDialogRequestsAndDropsAcksFromStrangersToAnotherPortOfThisHost() throws Exception {
        String uri = "sip:x@127.0.0.1:" + service.localAddress().getPort();
        for (String method : List.of("MESSAGE", "BYE")) {
            assertThat(statusLine(exchange(inDialog(request(method, uri, "mallory@outside.test", "SIP/2.0")))))
                    .as(method).isEqualTo("SIP/2.0 403 Relaying Denied");
        }
        client.sendRaw(inDialog(request("ACK", uri, "mallory@outside.test", "SIP/2.0")));
        assertThat(nothingArrivesAt(service)).isTrue();
    }

    @Test
    void answersRequestsForItsOwnAddressItself() throws Exception {
        String self = "sip:127.0.0.1:" + sip.getPort();
        assertThat(statusLine(exchange(request("OPTIONS", self, "a@outside.test", "SIP/2.0"))))
                .isEqualTo("SIP/2.0 200 OK");
        assertThat(statusLine(exchange(request("MESSAGE", self, "a@outside.test", "SIP/2.0"))))
                .isEqualTo("SIP/2.0 405 Method Not Allowed");
        assertThat(statusLine(exchange(request("NEWMETHOD", self, "a@outside.test", "SIP/2.0"))))
                .isEqualTo("SIP/2.0 501 Not Implemented");
        String user = "sip:someone@127.0.0.1:" + sip.getPort();
        assertThat(statusLine(exchange(request("INVITE", user, "a@outside.test", "SIP/2.0"))))
                .isEqualTo("SIP/2.0 404 Not Found");
    }

    @Test
    void refusesARegisterForAnAddressNotItsOwn() throws Exception {
        String register = request("REGISTER", "sip:[2001:db8::10]:5070", "201@" + DOMAIN, "SIP/2.0")
                .replace("To: <sip:x@" + DOMAIN + ">", "To: <sip:201@" + DOMAIN + ">");
        assertThat(statusLine(exchange(register))).isEqualTo("SIP/2.0 404 Domain not served here");
    }

    @Test
    void answersAnotherSipVersionWith505() throws Exception {
        String sip7 = request("OPTIONS", "sip:x@" + DOMAIN, "a@outside.test", "SIP/7.0");
        assertThat(statusLine(exchange(sip7))).isEqualTo("SIP/2.0 505 Version Not Supported");
    }

    private String request(String method, String uri, String from, String version) {
        return method + " " + uri + " " + version + "\r\n"
                + "Via: " + version + "/UDP 127.0.0.1:" + client.localAddress().getPort() + ";branch=z9hG4bK"
                + UUID.randomUUID().toString().replace("-", "") + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + from + ">;tag=relay-it\r\n"
                + "To: <sip:x@" + DOMAIN + ">\r\n"
                + "Call-ID: " + UUID.randomUUID() + "@relay-it\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    /** {@code request} within a dialog (To tag), loose-routed through the server as a peer sends it. */
    private static String inDialog(String request) {
        return request.replace("To: <sip:x@" + DOMAIN + ">\r\n", "To: <sip:x@" + DOMAIN + ">;tag=callee\r\n"
                + "Route: <sip:127.0.0.1:" + sip.getPort() + ";lr>\r\n");
    }

    /** Sends a request as it is and returns its final response (provisionals skipped). */
    private SipMessage exchange(String request) {
        client.sendRaw(request);
        return client.expect(Match.finalResponse().and(Match.callId(SipMessage.parse(request).callId()))).message();
    }

    private static String statusLine(SipMessage response) {
        return response.startLine();
    }

    private static boolean nothingArrivesAt(Phone phone) {
        return phone.poll(Duration.ofMillis(300)) == null;
    }
}
