package org.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.switchboard.core.transport.Addresses;
import org.switchboard.server.monitoring.Scrape;
import org.switchboard.server.pnp.BootingPhone;
import org.switchboard.server.pnp.PnpPhones;
import org.switchboard.testkit.phone.Call;
import org.switchboard.testkit.phone.ClientTransaction;
import org.switchboard.testkit.phone.Incoming;
import org.switchboard.testkit.phone.Phone;
import org.switchboard.testkit.phone.Received;
import org.switchboard.testkit.phone.Transport;
import org.switchboard.testkit.server.FreePorts;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * The acceptance suite: {@code switchboard.jar} started as README.md's first command starts it, with
 * no arguments (SIP on UDP and TCP port 5060 on {@code 0.0.0.0} and {@code [::]}, HTTP on 8080,
 * plug-and-play on with the multicast group on the SIP port, data in {@code ./data}), set up with the
 * admin commands README.md shows, and driven over real sockets as phones are: OPTIONS over UDP and
 * TCP, IPv4 and IPv6; a snom phone that boots by multicast plug-and-play, fetches its settings and
 * registers; a call between two phones; then {@code /metrics} shows it all and {@code /health} says
 * ready. In a network namespace of its own (see {@link TestNetwork})
 * the defaults are used as they are; elsewhere only the ports move and multicast stays on the loopback
 * interface, and the output says so. Subclasses set up the network the phones multicast on. The
 * tests run in order on one server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
abstract class ReadmeDefaultsAcceptance {
    private static final String DOMAIN = "example.com";
    private static final String ALICE_PASSWORD = "alice-secret-201";
    private static final String BOB_PASSWORD = "bob-secret-202";
    private static final String CAROL_PASSWORD = "carol-secret-203";
    private static final String DAVE_PASSWORD = "dave-secret-204";
    /** Assigned to Alice (201) before the first start; boots by multicast. */
    private static final String MULTICAST_PHONE = "000413A1B2C3";
    /** Assigned to Bob (202) before the first start; asks unicast. */
    private static final String UNICAST_PHONE = "000413B0B202";
    private static final InetAddress IPV4 = address("127.0.0.1");
    private static final InetAddress IPV6 = address("::1");
    private static final InetAddress SIP_GROUP = address("224.0.1.75");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    /** The JVM's exit status after SIGTERM once its shutdown hooks have run: 128 + 15. */
    private static final int EXIT_ON_SIGTERM = 143;
    private static final long WAIT_MILLIS = 5000;

    /** Where a phone multicasts from: the interface, and our address on it. */
    record MulticastNetwork(NetworkInterface nif, InetAddress address) {
    }

    /** The working directory of the server and the admin commands, with {@code ./data}; one per class. */
    @TempDir
    static Path work;

    private ServerProcess server;
    private int sipPort;
    private int httpPort;
    private Optional<MulticastNetwork> multicast;
    private String noMulticastBecause;

    /**
     * Sets up the network phones multicast on, before the server starts.
     *
     * @return where phones multicast from, or empty (then {@link #noMulticastBecause()} says why)
     */
    abstract Optional<MulticastNetwork> prepareNetwork() throws Exception;

    /** Why this run has no multicast network, for the skip message. */
    abstract String noMulticastBecause();

    /** Undoes {@link #prepareNetwork()} once the server has stopped. */
    abstract void restoreNetwork() throws Exception;

    @BeforeAll
    void startAsTheReadmeSays() throws Exception {
        multicast = prepareNetwork();
        noMulticastBecause = multicast.isEmpty() ? noMulticastBecause() : null;
        List<String> args;
        if (TestNetwork.own()) {
            sipPort = 5060;
            httpPort = 8080;
            args = List.of();
            report("in a network namespace of its own: switchboard.jar runs with no arguments, on ports 5060 and 8080");
        } else {
            InetAddress any = address("0.0.0.0");
            sipPort = FreePorts.udpAndTcp(any);
            httpPort = FreePorts.udpAndTcp(any);
            String pnpInterfaces = multicast.map(m -> m.nif().getName()).orElse("none");
            args = List.of("--sip-port", Integer.toString(sipPort), "--pnp-multicast-port", Integer.toString(sipPort),
                    "--http-port", Integer.toString(httpPort), "--pnp-interfaces", pnpInterfaces);
            report("NOT in a network namespace of its own (it takes root or user namespaces; see "
                    + "src/test/netns/bin/java): listening on the default wildcard addresses with plug-and-play on, "
                    + "but on SIP and multicast port " + sipPort + ", HTTP port " + httpPort
                    + " and multicast interfaces '" + pnpInterfaces + "', so that nothing reaches the machine's networks");
        }
        admin("domain", "add", DOMAIN);
        admin("user", "add", "201@" + DOMAIN, "--name", "Alice", "--password", ALICE_PASSWORD);
        admin("user", "add", "202@" + DOMAIN, "--name", "Bob", "--password", BOB_PASSWORD);
        admin("user", "add", "203@" + DOMAIN, "--name", "Carol", "--password", CAROL_PASSWORD);
        admin("user", "add", "204@" + DOMAIN, "--name", "Dave", "--password", DAVE_PASSWORD);
        admin("device", "assign", MULTICAST_PHONE, "201@" + DOMAIN);
        admin("device", "assign", UNICAST_PHONE, "202@" + DOMAIN);
        // the log outlives the test, for a failure in CI to be read
        Path logs = Files.createDirectories(Path.of("target", "acceptance-logs"));
        server = ServerProcess.start(args, logs.resolve(getClass().getSimpleName() + "-server.log"), work, Map.of());
        assertThat(server.awaitLine("Switchboard started", START_TIMEOUT)).as(server.output()).isTrue();
        assertThat(server.output()).as("the default warm-up ran to its end before the ports opened")
                .contains("Warm-up done").doesNotContain("stopped early", "Skipped the warm-up");
        assertThat(server.output()).contains("Listening on UDP 0.0.0.0:" + sipPort, "Listening on UDP [::]:" + sipPort,
                "Listening on TCP 0.0.0.0:" + sipPort, "Listening on TCP [::]:" + sipPort,
                "HTTP on 0.0.0.0:" + httpPort, "data directory " + work.resolve("data"));
        assertThat(work.resolve("data/switchboard.conf")).as("the commented configuration file of the first start")
                .content().startsWith("# Switchboard bootstrap configuration.").contains("\n# sip-port = 5060\n");
        if (multicast.isPresent()) {
            assertThat(server.output()).contains("Multicast SIP on 224.0.1.75:" + sipPort + ": joined on ")
                    .contains(multicast.get().nif().getName() + " (");
        }
    }

    @AfterAll
    void stopAndRestore() throws Exception {
        try {
            if (server != null) {
                server.terminate();
                assertThat(server.awaitExit(START_TIMEOUT)).as(server.output()).isEqualTo(EXIT_ON_SIGTERM);
                assertThat(server.output()).contains("Switchboard stopped");
                server.close();
            }
        } finally {
            restoreNetwork();
        }
    }

    private void report(String text) {
        System.out.println(getClass().getSimpleName() + ": " + text);
    }

    /** Runs an admin command of the jar as README.md shows it, on the default data directory. */
    private void admin(String... args) throws IOException, InterruptedException {
        try (ServerProcess process = ServerProcess.start(Arrays.asList(args),
                work.resolve("admin-" + String.join("-", args).replaceAll("[^A-Za-z0-9.@-]", "_") + ".log"), work)) {
            assertThat(process.awaitExit(START_TIMEOUT)).as(process.output()).isZero();
        }
    }

    @Order(1)
    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({"UDP, 127.0.0.1", "UDP, ::1", "TCP, 127.0.0.1", "TCP, ::1"})
    void answersOptionsOverUdpAndTcpOnIpv4AndIpv6(String transport, String host) throws Exception {
        InetSocketAddress to = new InetSocketAddress(address(host), sipPort);
        try (Phone phone = Phone.of("probe", "outside.test").localAddress(to.getAddress())
                .transport(Transport.valueOf(transport)).open()) {
            phone.sendRaw(options(transport, phone.sentBy(), to), to);
            Received received = phone.next("answer to OPTIONS over " + transport, Duration.ofMillis(WAIT_MILLIS));
            assertThat(received.from()).as("answered from the address it was sent to").isEqualTo(to);
            assertThat(received.message().status()).isEqualTo(200);
            assertThat(received.message().cseqMethod()).isEqualTo("OPTIONS");
        }
    }

    private static String options(String transport, String from, InetSocketAddress to) {
        String target = Addresses.format(to);
        return "OPTIONS sip:" + target + " SIP/2.0\n"
                + "Via: SIP/2.0/" + transport + " " + from + ";branch=z9hG4bK-options-" + transport + ";rport\n"
                + "Max-Forwards: 70\n"
                + "From: <sip:probe@outside.test>;tag=options\n"
                + "To: <sip:" + target + ">\n"
                + "Call-ID: options-" + transport + "-" + target + "@acceptance\n"
                + "CSeq: 1 OPTIONS\n"
                + "Content-Length: 0\n\n";
    }

    @Order(2)
    @Test
    void snomPhoneBootsByMulticastFetchesItsSettingsAndRegisters() throws Exception {
        assumeTrue(multicast.isPresent(), "Multicast plug-and-play not tested in this run: " + noMulticastBecause);
        MulticastNetwork network = multicast.get();
        try (Phone udp = PnpPhones.multicastOn(network.nif(), network.address())) {
            BootingPhone phone = new BootingPhone(udp, MULTICAST_PHONE);
            String url = phone.subscribe(new InetSocketAddress(SIP_GROUP, sipPort));
            assertThat(url).startsWith("http://" + network.address().getHostAddress() + ":" + httpPort
                    + "/provisioning/" + MULTICAST_PHONE.toLowerCase() + ".xml?token=");

            BootingPhone.Account account = fetchSettings(phone, url, "Alice");
            assertThat(account).isEqualTo(new BootingPhone.Account("201", ALICE_PASSWORD, DOMAIN, null));

            // the domain does not resolve here; the phone registers at the address that answered it
            assertThat(phone.register(account, new InetSocketAddress(network.address(), sipPort)).status())
                    .isEqualTo(200);
        }
    }

    @Order(3)
    @Test
    void phoneAskingUnicastFetchesItsSettingsAndRegisters() throws Exception {
        InetSocketAddress server = new InetSocketAddress(IPV4, sipPort);
        try (Phone udp = PnpPhones.on(IPV4)) {
            BootingPhone phone = new BootingPhone(udp, UNICAST_PHONE);
            String url = phone.subscribe(server);
            assertThat(url).startsWith("http://127.0.0.1:" + httpPort + "/provisioning/");

            BootingPhone.Account account = fetchSettings(phone, url, "Bob");
            assertThat(account).isEqualTo(new BootingPhone.Account("202", BOB_PASSWORD, DOMAIN, null));
            assertThat(phone.register(account, server).status()).isEqualTo(200);
        }
    }

    /** Fetches a settings file as the phone does; it must be well-formed XML naming the user. */
    private static BootingPhone.Account fetchSettings(BootingPhone phone, String url, String realName)
            throws Exception {
        HttpResponse<String> settings = phone.fetch(url);
        assertThat(settings.statusCode()).as(settings.body()).isEqualTo(200);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document xml = factory.newDocumentBuilder().parse(new InputSource(new StringReader(settings.body())));
        assertThat(xml.getElementsByTagName("user_realname").item(0).getTextContent()).isEqualTo(realName);
        assertThat(xml.getElementsByTagName("user_host").item(0).getTextContent()).isEqualTo(DOMAIN);
        return BootingPhone.account(settings.body());
    }

    /**
     * Alice calls a colleague (RFC 3261 §13, §17), over IPv4 (Carol) and over IPv6 (Dave): the
     * INVITE is challenged (407, ACKed), sent again with credentials, rings the colleague's
     * registered phone, is answered and ACKed along the Record-Route, and Alice hangs up. The
     * Record-Route names the address the INVITE was sent to, although the server listens on the
     * wildcards and, in the LAN run, has another address first.
     */
    @Order(4)
    @ParameterizedTest(name = "to {1} over {0}")
    @CsvSource({"127.0.0.1, 203, " + CAROL_PASSWORD, "::1, 204, " + DAVE_PASSWORD})
    void twoPhonesCallEachOtherThroughTheServer(String host, String callee, String calleePassword)
            throws Exception {
        InetSocketAddress server = new InetSocketAddress(address(host), sipPort);
        try (Phone colleague = Phone.of(callee, DOMAIN).password(calleePassword).server(server)
                        .localAddress(server.getAddress()).open();
                Phone alice = Phone.of("201", DOMAIN).password(ALICE_PASSWORD).server(server)
                        .localAddress(server.getAddress()).open()) {
            assertThat(colleague.register(600).expect(401).answer().expectFinal().status()).isEqualTo(200);
            Call call = alice.call("sip:" + callee + "@" + DOMAIN);

            call.expect(407).answer();

            Incoming invite = colleague.expect("INVITE");
            assertThat(invite.request().headerValues("Record-Route"))
                    .as("naming the address the INVITE was sent to").containsExactly(
                            "<sip:" + Addresses.format(server) + ";transport=udp;lr>");
            invite.ring();
            call.expect(180);
            invite.answer();
            call.expect(200);

            call.ack();
            invite.expectAck();
            ClientTransaction bye = call.bye();
            colleague.expect("BYE").respond(200);
            bye.expect(200);
        }
    }

    /**
     * A Prometheus scrape of {@code /metrics} on the default HTTP port shows what the tests before did:
     * the phones' registrations and plug-and-play fetches and the two answered and ended calls; and
     * {@code /health} reports the server ready.
     */
    @Order(5)
    @Test
    void metricsShowTheRegistrationsAndCallsAndHealthSaysReady() throws Exception {
        URI base = URI.create("http://127.0.0.1:" + httpPort);
        long deadline = System.nanoTime() + Duration.ofMillis(WAIT_MILLIS).toNanos();
        Scrape scrape = Scrape.of(base);
        // calls and registrations are counted from the event bus, a moment after they happened
        while (scrape.value("switchboard_calls_ended_total") < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            scrape = Scrape.of(base);
        }
        assertThat(scrape.value("switchboard_calls_attempts_total")).isEqualTo(2);
        assertThat(scrape.value("switchboard_calls_answered_total")).isEqualTo(2);
        assertThat(scrape.value("switchboard_calls_ended_total")).isEqualTo(2);
        assertThat(scrape.value("switchboard_calls_active")).isZero();
        assertThat(scrape.value("switchboard_registrar_registrations_total")).isGreaterThanOrEqualTo(2);
        assertThat(scrape.value("switchboard_registrar_bindings")).isGreaterThanOrEqualTo(2);
        assertThat(scrape.value("switchboard_pnp_provisioned_total")).isGreaterThanOrEqualTo(1);
        assertThat(scrape.value("switchboard_sip_requests_received_total{method=\"OPTIONS\"}")).isGreaterThanOrEqualTo(4);
        assertThat(scrape.value("switchboard_sip_messages_received_total{transport=\"tcp\"}")).isPositive();
        assertThat(scrape.names("jvm_memory_used_bytes")).isNotEmpty();

        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(base.resolve("/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"READY\"}\n");
    }

    /**
     * README's backup command, run as a second process while the server runs: the server writes the
     * backup, which holds the database and the password key; {@code config check} takes the file the
     * first start wrote.
     */
    @Order(6)
    @Test
    void backsUpWhileRunningAndChecksItsConfigurationFile() throws Exception {
        admin("backup", "backup.zip");
        try (ZipFile zip = new ZipFile(work.resolve("backup.zip").toFile())) {
            assertThat(zip.stream().map(ZipEntry::getName)).contains("switchboard.mv.db",
                    "sip-passwords.key", "switchboard.conf", "switchboard-backup.properties");
        }
        admin("config", "check", "data/switchboard.conf");
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    /**
     * README's feature codes: Carol dials {@code *78} and the server itself answers {@code 480 Do not
     * disturb on} (a final answer that sets up no call); Alice's call to her then gets {@code 480 Do
     * Not Disturb}; {@code *79} switches it off again, answered likewise.
     */
    @Order(7)
    @Test
    void featureCodesSwitchDoNotDisturbOnAndOff() throws Exception {
        InetSocketAddress server = new InetSocketAddress(IPV4, sipPort);
        try (Phone carol = Phone.of("203", DOMAIN).password(CAROL_PASSWORD).server(server).localAddress(IPV4).open();
                Phone alice = Phone.of("201", DOMAIN).password(ALICE_PASSWORD).server(server).localAddress(IPV4)
                        .open()) {
            Call on = carol.call("sip:*78@" + DOMAIN).expect(407).answer().expect(480);
            assertThat(on.response().reason()).isEqualTo("Do not disturb on");

            Call kept = alice.call("sip:203@" + DOMAIN).expect(407).answer().expect(480);
            assertThat(kept.response().reason()).isEqualTo("Do Not Disturb");

            Call off = carol.call("sip:*79@" + DOMAIN).expect(407).answer().expect(480);
            assertThat(off.response().reason()).isEqualTo("Do not disturb off");
        }
    }
}
