package org.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.accounts.digest.DigestAlgorithm;
import org.switchboard.core.spi.settings.SettingOverride;
import org.switchboard.core.transport.Transport;
import org.switchboard.server.config.GuardSettings;
import org.switchboard.server.config.HttpSettings;
import org.switchboard.server.config.LogLevel;
import org.switchboard.server.config.PnpSettings;
import org.switchboard.server.config.ServerConfig;
import org.switchboard.server.lifecycle.Lifecycle;
import org.switchboard.server.lifecycle.Server;
import org.switchboard.server.sipp.Sipp;
import org.switchboard.store.DatabaseSettings;
import org.switchboard.testkit.phone.Call;
import org.switchboard.testkit.phone.Phone;

/**
 * A phone behind a real NAT: network namespaces for a NAT gateway (iptables MASQUERADE, conntrack's
 * UDP timeouts cut to 5 s) and a phone behind it on 192.168.77.0/24, linked to the test's own
 * namespace, where the server listens on 203.0.113.1 (TEST-NET-3, used only inside these
 * namespaces). A SIPp phone registers through the NAT with its private Contact; the server pings
 * its flow every second; after three times the NAT's timeout, when the mapping would long have expired
 * without keep-alives, a call from the server's side reaches the phone through the NAT and is
 * answered, acknowledged and hung up; and the phone's RTP flows both ways through the RTP relay
 * (its G.711 sample played to the relay through the NAT, our packets echoed back by SIPp, counted
 * at our end). Runs only in a network namespace of its own (the acceptance
 * JVM), as root, with SIPp and iptables; skips with the reason otherwise.
 */
class NatTraversalAcceptanceIT {
    private static final String DOMAIN = "example.com";
    private static final String USER = "501";
    private static final String PASSWORD = "nat-traversal-1";
    private static final String SERVER = "203.0.113.1";
    private static final String NAT_WAN = "203.0.113.2";
    private static final String NAT_LAN = "192.168.77.1";
    private static final String PHONE = "192.168.77.2";
    private static final int SIP_PORT = 5060;
    /** The NAT forgets an idle UDP mapping after this many seconds. */
    private static final int NAT_TIMEOUT_SECONDS = 5;
    private static final long COMMAND_SECONDS = 20;
    /** The phone's RTP port, in its SDP (its private address). */
    private static final int PHONE_MEDIA_PORT = 6000;
    private static final int RTP_PACKETS = 50;
    private static final byte[] OUR_SSRC = {0x5b, 0x0a, 0x7d, 0x01};
    /** Where SIPp's packages put its G.711 sample (Debian's sip-tester first). */
    private static final List<Path> SIPP_AUDIO = List.of(Path.of("/usr/share/sip-tester/g711a.pcap"),
            Path.of("/usr/share/sipp/pcap/g711a.pcap"), Path.of("/usr/local/share/sipp/pcap/g711a.pcap"));

    private final String natNs = "sbnat-gw-" + ProcessHandle.current().pid();
    private final String phoneNs = "sbnat-ph-" + ProcessHandle.current().pid();

    @TempDir
    Path dir;

    private Server server;
    private boolean namespaces;

    @BeforeEach
    void buildTheNat() throws Exception {
        assumeTrue(TestNetwork.own(), "needs the acceptance JVM's network namespace of its own (root, unshare -n): "
                + "the test adds interfaces and namespaces");
        assumeTrue(Executables.find("sipp", System.getenv("PATH")).isPresent(), Sipp.NOT_INSTALLED);
        assumeTrue(Executables.find("iptables", System.getenv("PATH")).isPresent()
                || Files.isExecutable(Path.of("/usr/sbin/iptables")), "iptables not installed");
        namespaces = true;
        run("ip", "netns", "add", natNs);
        run("ip", "netns", "add", phoneNs);
        run("ip", "link", "add", "natwan0", "type", "veth", "peer", "name", "natwan1", "netns", natNs);
        run("ip", "addr", "add", SERVER + "/24", "dev", "natwan0");
        run("ip", "link", "set", "natwan0", "up");
        run("ip", "-n", natNs, "link", "set", "lo", "up");
        run("ip", "-n", natNs, "addr", "add", NAT_WAN + "/24", "dev", "natwan1");
        run("ip", "-n", natNs, "link", "set", "natwan1", "up");
        run("ip", "-n", natNs, "link", "add", "natlan1", "type", "veth", "peer", "name", "natlan2", "netns", phoneNs);
        run("ip", "-n", natNs, "addr", "add", NAT_LAN + "/24", "dev", "natlan1");
        run("ip", "-n", natNs, "link", "set", "natlan1", "up");
        run("ip", "-n", phoneNs, "link", "set", "lo", "up");
        run("ip", "-n", phoneNs, "addr", "add", PHONE + "/24", "dev", "natlan2");
        run("ip", "-n", phoneNs, "link", "set", "natlan2", "up");
        run("ip", "-n", phoneNs, "route", "add", "default", "via", NAT_LAN);
        run("ip", "netns", "exec", natNs, "sysctl", "-w", "net.ipv4.ip_forward=1");
        run("ip", "netns", "exec", natNs, "iptables", "-t", "nat", "-A", "POSTROUTING", "-o", "natwan1", "-j",
                "MASQUERADE");
        // the rule loads conntrack; its UDP timeouts are per namespace
        run("ip", "netns", "exec", natNs, "sysctl", "-w", "net.netfilter.nf_conntrack_udp_timeout="
                + NAT_TIMEOUT_SECONDS);
        run("ip", "netns", "exec", natNs, "sysctl", "-w", "net.netfilter.nf_conntrack_udp_timeout_stream="
                + NAT_TIMEOUT_SECONDS);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (namespaces) {
            // natwan0 goes at once; a namespace a process still holds (a SIPp being killed) would keep
            // its end of the pair, and with it natwan0, into the next test
            runQuietly("ip", "link", "del", "natwan0");
            runQuietly("ip", "netns", "del", phoneNs);
            runQuietly("ip", "netns", "del", natNs);
        }
    }

    @Test
    void phoneBehindNatIsCalledAfterItsMappingWouldHaveExpiredWithoutKeepAlives() throws Exception {
        startServer();
        Path credentials = Files.writeString(dir.resolve("credentials.csv"), "SEQUENTIAL\n" + USER
                + ";[authentication username=" + USER + " password=" + PASSWORD + "];" + DOMAIN + "\n",
                StandardCharsets.US_ASCII);

        Process register = sippInPhoneNamespace("callee-register", List.of(SERVER + ":" + SIP_PORT, "-m", "1",
                "-inf", credentials.toString(), "-auth_uri", DOMAIN, "-timeout", "20s"));
        assertThat(register.waitFor(30, TimeUnit.SECONDS)).as("SIPp registered in time").isTrue();
        assertThat(register.exitValue()).as(output(register)).isZero();

        // answers the OPTIONS keep-alives by itself (-aa; SIPp counts each as a call, hence no -m) and the call
        Process callee = sippInPhoneNamespace("callee-answer", List.of("-aa", "-timeout", "60s"));
        try {
            Thread.sleep(Duration.ofSeconds(3L * NAT_TIMEOUT_SECONDS).toMillis());
            assertThat(callee.isAlive()).as(outputIfDead(callee)).isTrue();

            try (Phone caller = Phone.of("caller", "outside.test").server(new InetSocketAddress("127.0.0.1", SIP_PORT))
                    .timeout(Duration.ofSeconds(10)).open()) {
                Call call = caller.call("sip:" + USER + "@" + DOMAIN);
                call.expect(200);
                assertThat(call.response().contactUris()).as("the callee's Contact, its NAT's public address")
                        .singleElement().asString().startsWith("sip:" + NAT_WAN + ":");
                call.ack();
                // SIPp's scenario answers the BYE only after the ACK: the ACK went through the NAT too
                assertThat(call.bye().expectFinal().status()).isEqualTo(200);
            }
            assertThat(callee.isAlive()).as(outputIfDead(callee)).isTrue();
        } finally {
            callee.destroyForcibly();
        }
    }

    @Test
    void rtpOfThePhoneBehindNatFlowsBothWaysThroughTheRelay() throws Exception {
        Optional<Path> audio = SIPP_AUDIO.stream().filter(Files::isReadable).findFirst();
        assumeTrue(audio.isPresent(), "SIPp's G.711 sample g711a.pcap not found (Debian package sip-tester)");
        Files.copy(audio.get(), dir.resolve("g711a.pcap"));
        startServer();
        Path credentials = Files.writeString(dir.resolve("credentials.csv"), "SEQUENTIAL\n" + USER
                + ";[authentication username=" + USER + " password=" + PASSWORD + "];" + DOMAIN + "\n",
                StandardCharsets.US_ASCII);
        Process register = sippInPhoneNamespace("callee-register", List.of(SERVER + ":" + SIP_PORT, "-m", "1",
                "-inf", credentials.toString(), "-auth_uri", DOMAIN, "-timeout", "20s"));
        assertThat(register.waitFor(30, TimeUnit.SECONDS)).as("SIPp registered in time").isTrue();
        assertThat(register.exitValue()).as(output(register)).isZero();

        // plays its audio after the ACK, and echoes what reaches its media port (-rtp_echo)
        Process callee = sippInPhoneNamespace("callee-answer-rtp", List.of("-aa", "-rtp_echo", "-mp",
                Integer.toString(PHONE_MEDIA_PORT), "-timeout", "60s"));
        try (Phone caller = Phone.of("caller", "outside.test").server(new InetSocketAddress("127.0.0.1", SIP_PORT))
                .timeout(Duration.ofSeconds(10)).open();
                DatagramSocket media = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Call call = caller.call("sip:" + USER + "@" + DOMAIN, invite -> invite.withBody("application/sdp",
                    "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio "
                            + media.getLocalPort() + " RTP/AVP 8 0\r\n"));
            call.expect(200);
            String answer = call.response().bodyText();
            assertThat(answer).as("the phone's private address is not its media address")
                    .doesNotContain("c=IN IP4 " + PHONE);
            InetSocketAddress relay = mediaAddress(answer);
            call.ack();

            media.setSoTimeout(10_000);
            DatagramPacket in = new DatagramPacket(new byte[2048], 2048);
            media.receive(in);
            assertThat(in.getSocketAddress()).as("the phone's audio comes from the relay port").isEqualTo(relay);
            int fromPhone = 1;
            int echoed = 0;
            media.setSoTimeout(20);
            for (int seq = 0; seq < RTP_PACKETS; seq++) {
                media.send(rtp(seq, relay));
                long until = System.nanoTime() + Duration.ofMillis(20).toNanos();
                while (System.nanoTime() < until) {
                    try {
                        media.receive(in);
                    } catch (SocketTimeoutException e) {
                        continue;
                    }
                    if (isOurs(in)) {
                        echoed++;
                    } else {
                        fromPhone++;
                    }
                }
            }
            media.setSoTimeout(1000);
            try {
                while (true) {
                    media.receive(in);
                    if (isOurs(in)) {
                        echoed++;
                    }
                }
            } catch (SocketTimeoutException e) {
                // all in
            }
            assertThat(fromPhone).as("RTP packets from the phone behind NAT through the relay").isGreaterThan(10);
            assertThat(echoed).as("our RTP packets through the relay and the NAT to the phone and back")
                    .isGreaterThanOrEqualTo(RTP_PACKETS * 9 / 10);
            assertThat(call.bye().expectFinal().status()).isEqualTo(200);
        } finally {
            callee.destroyForcibly();
        }
    }

    private static InetSocketAddress mediaAddress(String sdp) throws IOException {
        Matcher connection = Pattern.compile("c=IN IP4 (\\S+)").matcher(sdp);
        Matcher port = Pattern.compile("m=audio (\\d+) ").matcher(sdp);
        assertThat(connection.find() && port.find()).as("c= and m= in\n%s", sdp).isTrue();
        return new InetSocketAddress(InetAddress.getByName(connection.group(1)), Integer.parseInt(port.group(1)));
    }

    /** A G.711 µ-law packet (payload type 0) with our SSRC, which the phone does not send. */
    private static DatagramPacket rtp(int seq, InetSocketAddress to) {
        byte[] packet = new byte[172];
        packet[0] = (byte) 0x80;
        packet[2] = (byte) (seq >> 8);
        packet[3] = (byte) seq;
        System.arraycopy(OUR_SSRC, 0, packet, 8, 4);
        return new DatagramPacket(packet, packet.length, to);
    }

    private static boolean isOurs(DatagramPacket packet) {
        byte[] data = packet.getData();
        return packet.getLength() >= 12 && Arrays.equals(data, 8, 12, OUR_SSRC, 0, 4);
    }

    private void startServer() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        ServerConfig config = new ServerConfig(SIP_PORT, List.of(InetAddress.getByName("0.0.0.0")),
                Set.of(Transport.UDP), dir.resolve("data"), LogLevel.INFO, DOMAIN, List.of(DigestAlgorithm.MD5),
                new HttpSettings(0, InetAddress.getByName("127.0.0.1"), Optional.empty()),
                new PnpSettings(false, false, List.of(), PnpSettings.DEFAULT_MULTICAST_PORT),
                GuardSettings.defaults(), DatabaseSettings.EMBEDDED,
                List.of(new SettingOverride("nat.keepaliveInterval", "1s", "test"),
                        new SettingOverride("nat.stunPort", "0", "test")));
        List<Lifecycle> parts = Components.create(config);
        RegistrarComponent registrar = parts.stream().filter(RegistrarComponent.class::isInstance)
                .map(RegistrarComponent.class::cast).findFirst().orElseThrow();
        server = new Server(parts);
        server.start();
        registrar.features().accounts().userDirectory().addUser(DOMAIN, USER, null, PASSWORD);
    }

    private Process sippInPhoneNamespace(String scenario, List<String> more) throws IOException, URISyntaxException {
        Path file = Path.of(getClass().getResource("/sipp/" + scenario + "/scenario.xml").toURI());
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", phoneNs, "sipp"));
        command.addAll(more);
        command.addAll(List.of("-sf", file.toString(), "-i", PHONE, "-p", Integer.toString(SIP_PORT), "-t", "u1",
                "-timeout_error", "-nostdin", "-trace_err", "-error_file",
                dir.resolve(scenario + "-errors.log").toString()));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(scenario + ".log").toFile()).start();
    }

    private String output(Process sipp) {
        try (var files = Files.list(dir)) {
            StringBuilder text = new StringBuilder("SIPp exited " + sipp.exitValue() + "\n");
            for (Path f : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                text.append(f.getFileName()).append(":\n").append(Files.readString(f, StandardCharsets.ISO_8859_1));
            }
            return text.toString();
        } catch (IOException e) {
            return "SIPp exited " + sipp.exitValue() + " (no log: " + e.getMessage() + ")";
        }
    }

    private String outputIfDead(Process sipp) {
        return sipp.isAlive() ? "" : output(sipp);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(Arrays.toString(command) + " did not finish within " + COMMAND_SECONDS + " s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("%s: %s", Arrays.toString(command), output).isZero();
    }

    private static void runQuietly(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS);
        } catch (IOException e) {
            // nothing to clean up
        }
    }
}
