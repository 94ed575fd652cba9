package org.switchboard.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for the tests, one per test JVM, started on first use from the binaries
 * of the installed PostgreSQL ({@code initdb} and {@code postgres} on the PATH or under {@code
 * /usr/lib/postgresql/N/bin}, Debian's {@code postgresql} package) and stopped when the JVM exits.
 * It listens on 127.0.0.1 on a free port, with trust authentication for {@link #USER} and
 * password authentication for {@link #PASSWORD_USER}. Each {@link #newDatabase} is a new empty
 * database, so tests do not see each other's rows.
 *
 * <p>PostgreSQL refuses to run as root, so as root the server runs as the unprivileged user
 * {@code nobody} (through {@code setpriv}). Where no PostgreSQL is installed, a test that needs one
 * fails in CI (the {@code CI} variable set by {@code .ci/run}, which installs the package) and is
 * skipped with a message elsewhere. Thread-safe.
 */
public final class TestPostgres {
    /** The superuser initdb creates; it logs in without a password from 127.0.0.1. */
    public static final String USER = "switchboard";
    /** A role that must give its password, to test credentials. */
    public static final String PASSWORD_USER = "farm";
    /** {@link #PASSWORD_USER}'s password. */
    public static final String PASSWORD = "s3cret-farm-pw";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final String UNPRIVILEGED = "nobody";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static TestPostgres running;
    private static String unavailable;

    private final Path dir;
    private final int port;
    private final Process server;

    private TestPostgres(Path dir, int port, Process server) {
        this.dir = dir;
        this.port = port;
        this.server = server;
    }

    /**
     * The server, started on first call.
     *
     * @throws org.opentest4j.TestAbortedException outside CI when PostgreSQL is not installed or does
     *     not start
     * @throws IllegalStateException in CI in the same case
     */
    public static synchronized TestPostgres server() {
        if (running == null && unavailable == null) {
            try {
                running = start();
                Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "test-postgres-stop"));
            } catch (IOException | RuntimeException e) {
                unavailable = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unavailable = "interrupted while starting";
            }
        }
        if (running == null) {
            String message = "No PostgreSQL for the tests: " + unavailable
                    + " (install Debian's postgresql package, as .ci/run does)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        return running;
    }

    /**
     * A new empty database on the server, owned by {@link #PASSWORD_USER} so that both users may
     * create tables in it; returns its JDBC URL (no credentials in it).
     */
    public String newDatabase() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " OWNER " + PASSWORD_USER);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    /** The JDBC URL of database {@code name} on this server. */
    public String url(String name) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }

    public int port() {
        return port;
    }

    private static TestPostgres start() throws IOException, InterruptedException {
        Path bin = binaries();
        boolean root = "0".equals(run(List.of("id", "-u"), null).strip());
        Path dir = Files.createTempDirectory("switchboard-pg-");
        if (root) {
            run(List.of("chown", UNPRIVILEGED, dir.toString()), null);
        }
        Path data = dir.resolve("data");
        run(asUser(root, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
                "-E", "UTF8", "--locale=C", "--auth-local=trust", "--auth-host=trust", "--no-sync")), null);
        // the password role logs in with its password only: md5/scram before the trust lines
        Path hba = data.resolve("pg_hba.conf");
        String rules = "host all " + PASSWORD_USER + " 127.0.0.1/32 scram-sha-256\n" + Files.readString(hba);
        Files.writeString(hba, rules);
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(asUser(root, List.of(bin.resolve("postgres").toString(),
                "-D", data.toString(), "-p", Integer.toString(port), "-k", dir.toString(),
                "-c", "listen_addresses=127.0.0.1",
                // the tests' server loses nothing it must keep when the machine crashes: no fsync
                "-c", "fsync=off", "-c", "max_connections=200")))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("postgres.log").toFile());
        TestPostgres pg = new TestPostgres(dir, port, builder.start());
        pg.awaitReady();
        try (Connection c = DriverManager.getConnection(pg.url("postgres"), USER, "");
                Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + PASSWORD_USER + " LOGIN CREATEDB PASSWORD '" + PASSWORD + "'");
        } catch (SQLException e) {
            pg.stop();
            throw new IllegalStateException("PostgreSQL started but refused setup: " + e.getMessage(), e);
        }
        return pg;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline && server.isAlive()) {
            try (Connection c = DriverManager.getConnection(url("postgres"), USER, "")) {
                return;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        String log = Files.readString(dir.resolve("postgres.log"), StandardCharsets.UTF_8);
        stop();
        throw new IllegalStateException("PostgreSQL did not start" + (last == null ? "" : ": " + last.getMessage())
                + "; its log: " + log.strip());
    }

    private static Path binaries() throws IOException {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, "initdb"))) {
                return Path.of(entry);
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                var newest = versions.map(v -> v.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                        .max(Comparator.comparingInt(TestPostgres::majorVersion));
                if (newest.isPresent()) {
                    return newest.get();
                }
            }
        }
        throw new IllegalStateException("initdb is neither on the PATH nor under " + debian);
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static List<String> asUser(boolean root, List<String> command) {
        if (!root) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + UNPRIVILEGED, "--regid=nogroup",
                "--clear-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static String run(List<String> command, String input) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (input != null) {
            p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
        }
        return output;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Fast shutdown (open sessions are ended), then the files are deleted. */
    private void stop() {
        try {
            // SIGINT is PostgreSQL's fast shutdown
            new ProcessBuilder("kill", "-INT", Long.toString(server.pid())).start().waitFor(10, TimeUnit.SECONDS);
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
