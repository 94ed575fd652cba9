package org.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testkit.phone.ClientTransaction;
import org.switchboard.testkit.phone.Phone;
import org.switchboard.testkit.server.FreePorts;
import org.switchboard.testkit.sip.SipMessage;

/**
 * Brute-force protection of the packaged server, over real sockets: an office of phones behind one
 * address (127.0.0.1) and a password cracker on another (127.0.0.2, also on the loopback interface).
 * One phone with a wrong password must not stop its neighbours; a cracker guessing across users is
 * banned, gets no answer, stays banned across SIGKILL, and is let back in by {@code switchboard ban
 * lift} while the server runs. TCP connections are limited per address and closed when they send
 * nothing.
 */
class BruteForceIT {
    private static final String DOMAIN = "office.example.com";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final InetAddress OFFICE = InetAddress.getLoopbackAddress();
    /** What {@link #register} returns when the server stays silent. */
    private static final int NO_ANSWER = -1;
    /** How long a phone waits for an answer (retransmitting meanwhile) before it counts silence. */
    private static final Duration SILENCE = Duration.ofMillis(1400);

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    @Test
    @Timeout(120)
    void onePhoneWithAWrongPasswordDoesNotStopTheOtherPhonesOfTheOffice() throws Exception {
        setUpUsers(201, 205);
        int port = FreePorts.udpAndTcp();
        InetSocketAddress server = new InetSocketAddress(OFFICE, port);
        try (ServerProcess process = startServer(port, "office.log");
                Phone misconfigured = officePhone(OFFICE, server, 201)) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                statuses.add(register(misconfigured, "wrong-password"));
            }

            assertThat(statuses).as("answered every time; blocked after 10 failures").doesNotContain(
                    NO_ANSWER).startsWith(401, 401, 401, 401, 401, 401, 401, 401, 401).endsWith(403, 403);
            for (int user = 202; user <= 205; user++) {
                try (Phone neighbour = officePhone(OFFICE, server, user)) {
                    assertThat(register(neighbour, password(user))).as("phone %d behind the same address", user)
                            .isEqualTo(200);
                }
            }
            assertThat(process.output()).contains("Blocked 201@" + DOMAIN + " from 127.0.0.1 until")
                    .doesNotContain("Banned 127.0.0.1");
        }
    }

    @Test
    @Timeout(120)
    void aCrackerIsBannedGetsNoAnswerStaysBannedAfterSigkillAndIsLiftedWhileTheServerRuns() throws Exception {
        InetAddress cracker = InetAddress.getByName("127.0.0.2");
        Assumptions.assumeTrue(canBind(cracker), "127.0.0.2 cannot be bound on this machine; test skipped");
        setUpUsers(201, 212);
        int port = FreePorts.udpAndTcp();
        InetSocketAddress server = new InetSocketAddress(OFFICE, port);
        try (ServerProcess before = startServer(port, "before.log")) {
            for (int user = 201; user <= 210; user++) {
                try (Phone guess = officePhone(cracker, server, user)) {
                    assertThat(register(guess, "123456")).isIn(401, 403);
                }
            }
            assertThat(registerFrom(cracker, server, 212)).as("the banned cracker, right password")
                    .isEqualTo(NO_ANSWER);
            assertThat(registerFrom(OFFICE, server, 211)).as("the office").isEqualTo(200);
            assertThat(count(before.output(), "Banned 127.0.0.2 until")).as("the ban is logged once").isEqualTo(1);
            assertThat(before.output()).contains("10 different users failed to authenticate from this address");
            before.kill();
        }

        try (ServerProcess after = startServer(port, "after.log")) {
            assertThat(registerFrom(cracker, server, 212)).as("banned after SIGKILL and restart")
                    .isEqualTo(NO_ANSWER);
            assertThat(registerFrom(OFFICE, server, 211)).isEqualTo(200);

            try (ServerProcess lift = ServerProcess.start(List.of("--data-dir", dataDir.toString(), "ban", "lift",
                    "127.0.0.2"), work.resolve("lift.log"))) {
                assertThat(lift.awaitExit(START_TIMEOUT)).as(lift.output()).isZero();
                assertThat(lift.output()).contains("Ban on 127.0.0.2 lifted in the running server");
            }
            assertThat(registerFrom(cracker, server, 212)).as("lifted").isEqualTo(200);

            after.terminate();
            after.awaitExit(START_TIMEOUT);
            assertThat(after.output()).containsPattern("Since start: [1-9]\\d* datagrams, connections and messages"
                    + " from banned addresses dropped");
        }
    }

    @Test
    @Timeout(120)
    void tcpConnectionsArePerAddressLimitedAndSilentOnesClosed() throws Exception {
        setUpUsers(201, 201);
        int port = FreePorts.udpAndTcp();
        InetSocketAddress server = new InetSocketAddress(OFFICE, port);
        try (ServerProcess process = startServer(port, "tcp.log", "--tcp-connections-per-source", "3",
                "--tcp-first-message-timeout", "1")) {
            List<Socket> open = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    Socket s = connect(server);
                    open.add(s);
                    s.getOutputStream().write(options(s, i).getBytes(StandardCharsets.US_ASCII));
                    assertThat(firstLine(s.getInputStream())).as("answered").startsWith("SIP/2.0 ");
                }
                try (Socket fourth = connect(server)) {
                    assertThat(fourth.getInputStream().read()).as("refused: the address holds 3").isEqualTo(-1);
                }
                assertThat(process.awaitLine("Refused connections: 1 since the last such line (at most one every 60 s);"
                        + " last: from /127.0.0.1", START_TIMEOUT)).as("the refusal logged").isTrue();

                open.remove(0).close();
                try (Socket silent = connectWhenAdmitted(server)) {
                    assertThat(silent.getInputStream().read()).as("admitted, then closed for sending nothing")
                            .isEqualTo(-1);
                }
                Socket established = open.get(0);
                established.getOutputStream().write(options(established, 9).getBytes(StandardCharsets.US_ASCII));
                assertThat(firstLine(established.getInputStream())).as("a connection in use stays open")
                        .startsWith("SIP/2.0 ");
            } finally {
                for (Socket s : open) {
                    s.close();
                }
            }
            process.terminate();
            process.awaitExit(START_TIMEOUT);
            assertThat(process.output()).containsPattern("[1-9]\\d* TCP connections refused at a limit, 1 closed"
                    + " without a first message");
        }
    }

    private int registerFrom(InetAddress local, InetSocketAddress server, int user) {
        try (Phone phone = officePhone(local, server, user)) {
            return register(phone, password(user));
        }
    }

    /** A phone of the office on its own UDP socket of a local address. */
    private static Phone officePhone(InetAddress local, InetSocketAddress server, int user) {
        return Phone.of(Integer.toString(user), DOMAIN).server(server).localAddress(local).timeout(SILENCE).open();
    }

    /**
     * Sends a REGISTER, answers a 401 once with {@code password}, as most phones do, and returns the
     * final status, or {@link #NO_ANSWER} when the server stays silent.
     */
    private static int register(Phone phone, String password) {
        ClientTransaction first = phone.register();
        Optional<SipMessage> answer = first.awaitFinal();
        if (answer.isEmpty()) {
            return NO_ANSWER;
        }
        if (answer.get().status() != 401) {
            return answer.get().status();
        }
        return first.answer(password).awaitFinal().map(SipMessage::status).orElse(NO_ANSWER);
    }

    private static String password(int user) {
        return "secret-of-" + user;
    }

    private void setUpUsers(int first, int last) throws Exception {
        admin("domain", "add", DOMAIN);
        StringBuilder csv = new StringBuilder();
        for (int user = first; user <= last; user++) {
            csv.append(user).append(',').append(password(user)).append('\n');
        }
        Path file = work.resolve("users.csv");
        Files.writeString(file, csv);
        admin("user", "import", file.toString(), "--domain", DOMAIN);
    }

    private void admin(String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        args.addAll(List.of(command));
        try (ServerProcess admin = ServerProcess.start(args, work.resolve("admin.log"))) {
            assertThat(admin.awaitExit(START_TIMEOUT)).as("%s: %s", args, admin.output()).isZero();
        }
    }

    private ServerProcess startServer(int port, String log, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "--sip-port", Integer.toString(port), "--listen",
                "127.0.0.1", "--data-dir", dataDir.toString(), "--no-pnp", "--http-port", "0"));
        args.addAll(List.of(extra));
        ServerProcess server = ServerProcess.start(args, work.resolve(log));
        assertThat(server.awaitLine("Switchboard started", START_TIMEOUT)).as(server.output()).isTrue();
        return server;
    }

    private static Socket connect(InetSocketAddress server) throws IOException {
        Socket s = new Socket(server.getAddress(), server.getPort());
        s.setSoTimeout(5_000);
        return s;
    }

    /** Connects once the server has counted a closed connection out: refused ones are retried. */
    private static Socket connectWhenAdmitted(InetSocketAddress server) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            Socket s = connect(server);
            s.setSoTimeout(200);
            try {
                int read = s.getInputStream().read();
                if (read >= 0) {
                    throw new AssertionError("unexpected byte " + read);
                }
            } catch (SocketTimeoutException e) {
                s.setSoTimeout(5_000);
                return s; // still open after 200 ms: admitted, and now waiting for its first message
            } catch (IOException e) {
                // reset by the refusal
            }
            s.close();
            Thread.sleep(50);
        }
        throw new AssertionError("no connection admitted");
    }

    private static String options(Socket s, int n) {
        return "OPTIONS sip:" + DOMAIN + " SIP/2.0\r\n"
                + "Via: SIP/2.0/TCP 127.0.0.1:" + s.getLocalPort() + ";branch=z9hG4bK-tcp" + n + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:probe@" + DOMAIN + ">;tag=" + n + "\r\n"
                + "To: <sip:" + DOMAIN + ">\r\n"
                + "Call-ID: tcp-" + n + "-" + s.getLocalPort() + "@test\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    /** Reads one whole message from the stream and returns its start line. */
    private static String firstLine(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            head.append((char) c);
        }
        Matcher length = Pattern.compile("(?im)^(?:Content-Length|l)\\s*:\\s*(\\d+)").matcher(head);
        if (length.find()) {
            in.readNBytes(Integer.parseInt(length.group(1)));
        }
        return head.substring(0, Math.max(0, head.indexOf("\r\n")));
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static boolean canBind(InetAddress address) {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(address, 0))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
