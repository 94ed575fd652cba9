package org.switchboard.testkit.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.switchboard.testkit.phone.Phone;

/**
 * A JUnit 5 extension that runs a real Switchboard server for a test:
 * <pre>{@code
 * @RegisterExtension
 * final SwitchboardServer server = SwitchboardServer.create().user("example.com", "201", "secret-201");
 *
 * @Test
 * void registers() {
 *     try (Phone alice = server.phone("201").open()) {
 *         alice.register().expectChallenge().answer().expect(200);
 *     }
 * }
 * }</pre>
 * As an instance field it starts before each test and stops after it; as a static field, once for
 * the class. The server listens on 127.0.0.1, SIP over UDP and TCP on one port and HTTP on another,
 * both picked free just before the start (another process could take one in between; tests accept
 * that small race), with a new temporary data directory that is deleted afterwards. {@link
 * #restart()} keeps the ports and the data directory. Called from the test's thread.
 */
public final class SwitchboardServer implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final List<ServerSetup.User> users = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();
    private boolean http = true;
    private boolean perClass;
    private Path dataDirectory;
    private int sipPort;
    private int httpPort;
    private RunningServer running;

    private SwitchboardServer() {
    }

    /** An extension with no users yet. */
    public static SwitchboardServer create() {
        return new SwitchboardServer();
    }

    /** A domain to create (before the start, or at once if running). */
    public SwitchboardServer domain(String domain) {
        users.add(new ServerSetup.User(domain, null, null));
        if (running != null) {
            running.addDomain(domain);
        }
        return this;
    }

    /** A user to create, and its domain if new (before the start, or at once if running). */
    public SwitchboardServer user(String domain, String user, String password) {
        boolean newDomain = users.stream().noneMatch(u -> u.domain().equals(domain));
        users.add(new ServerSetup.User(domain, user, password));
        if (running != null) {
            if (newDomain) {
                running.addDomain(domain);
            }
            running.addUser(domain, user, password);
        }
        return this;
    }

    /** A launcher-specific setting (see the server module's launcher for the names it reads). */
    public SwitchboardServer option(String name, String value) {
        options.put(name, value);
        return this;
    }

    /** Runs without an HTTP server. */
    public SwitchboardServer withoutHttp() {
        this.http = false;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        perClass = true;
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (running == null) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (!perClass) {
            shutDown();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        shutDown();
    }

    /** Starts the server (the extension does this itself; for tests that start it later). */
    public void start() throws Exception {
        if (running != null) {
            throw new IllegalStateException("already running");
        }
        if (dataDirectory == null) {
            dataDirectory = Files.createTempDirectory("switchboard-test-");
            sipPort = FreePorts.udpAndTcp();
            httpPort = http ? freeTcpPort() : 0;
        }
        running = launcher().start(new ServerSetup(LOOPBACK, sipPort, httpPort, dataDirectory, users, options));
    }

    /** Stops the server, keeping its ports and data directory for a {@link #start()}. */
    public void stop() {
        if (running != null) {
            RunningServer r = running;
            running = null;
            r.close();
        }
    }

    /** Stops and starts the server on the same ports and data directory. */
    public void restart() throws Exception {
        stop();
        start();
    }

    /** The SIP address, for UDP and TCP. */
    public InetSocketAddress sipAddress() {
        requireStarted();
        return new InetSocketAddress(LOOPBACK, sipPort);
    }

    /** The HTTP base URI, {@code http://127.0.0.1:port}. */
    public URI httpUri() {
        requireStarted();
        if (httpPort == 0) {
            throw new IllegalStateException("the server runs without HTTP");
        }
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    /** The server's data directory. */
    public Path dataDirectory() {
        requireStarted();
        return dataDirectory;
    }

    /**
     * A phone of a user created through this extension (the first domain that has it), aimed at
     * the server with the user's password; open it after any further set-up.
     */
    public Phone.Builder phone(String user) {
        ServerSetup.User u = users.stream().filter(x -> user.equals(x.user())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no user " + user + " was created"));
        return Phone.of(user, u.domain()).password(u.password()).server(sipAddress());
    }

    private void requireStarted() {
        if (dataDirectory == null) {
            throw new IllegalStateException("the server has not been started");
        }
    }

    private void shutDown() throws IOException {
        stop();
        if (dataDirectory != null) {
            try (Stream<Path> paths = Files.walk(dataDirectory)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
            dataDirectory = null;
        }
    }

    private static ServerLauncher launcher() {
        List<ServerLauncher> found = ServiceLoader.load(ServerLauncher.class).stream().map(ServiceLoader.Provider::get)
                .toList();
        if (found.size() != 1) {
            throw new IllegalStateException("expected one " + ServerLauncher.class.getName()
                    + " registered under META-INF/services on the test class path, found " + found.size()
                    + ": the server module's tests provide it");
        }
        return found.get(0);
    }

    private static int freeTcpPort() {
        try (ServerSocket tcp = new ServerSocket(0, 1, LOOPBACK)) {
            return tcp.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
