package org.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.store.TestPostgres;
import org.switchboard.testkit.phone.PhoneCrowd;
import org.switchboard.testkit.server.FreePorts;

/**
 * The packaged server on PostgreSQL ({@code --database-url jdbc:postgresql://...}): the admin
 * commands set up a domain and a user in it, a phone registers with digest authentication, its
 * binding is in PostgreSQL when the 200 OK arrives (RFC 3261 §10.3 step 8), and it survives SIGKILL
 * and a restart. The password, given by variable or in the URL, appears in no output; a wrong one
 * stops the server with one line.
 */
class PostgresServerIT {
    private static final String DOMAIN = "farm.example.com";
    private static final String USER = "4001";
    private static final String SIP_PASSWORD = "secret-4001";
    private static final int EXPIRES = 3600;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration WAVE_TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    @Test
    @Timeout(120)
    void aPhoneRegistersIntoPostgresqlAndItsBindingSurvivesSigkillAndARestart() throws Exception {
        TestPostgres pg = TestPostgres.server();
        String url = pg.newDatabase();
        Map<String, String> passwordByVariable = Map.of("SWITCHBOARD_DATABASE_USER", TestPostgres.PASSWORD_USER,
                "SWITCHBOARD_DATABASE_PASSWORD", TestPostgres.PASSWORD);
        admin(passwordByVariable, "domain", "add", DOMAIN, "--database-url", url);
        admin(passwordByVariable, "user", "add", USER + "@" + DOMAIN, "--password", SIP_PASSWORD,
                "--database-url", url);
        String urlWithCredentials = url + "?user=" + TestPostgres.PASSWORD_USER + "&password=" + TestPostgres.PASSWORD;
        int port = FreePorts.udpAndTcp();
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", port);

        String contact;
        try (ServerProcess before = startServer(port, urlWithCredentials, "before.log");
                PhoneCrowd phones = new PhoneCrowd(server, DOMAIN)) {
            contact = phones.contactOf(USER);
            Map<String, PhoneCrowd.Registered> ok = phones.register(Map.of(USER, SIP_PASSWORD), EXPIRES,
                    n -> false, WAVE_TIMEOUT);
            assertThat(ok).as(before.output()).containsKey(USER);
            assertThat(storedContacts(pg, url)).as("bindings in PostgreSQL at the 200 OK").containsExactly(contact);
            assertThat(adminExit(passwordByVariable, "user", "list", "--database-url", url))
                    .as("an admin command beside the running server").isEqualTo(1);
            before.kill();
            assertThat(before.output()).doesNotContain(TestPostgres.PASSWORD).contains("password=***");
        }

        try (ServerProcess after = startServer(port, urlWithCredentials, "after.log");
                PhoneCrowd phones = new PhoneCrowd(server, DOMAIN)) {
            Map<String, PhoneCrowd.Registered> found = phones.query(Map.of(USER, SIP_PASSWORD), WAVE_TIMEOUT);
            assertThat(found.get(USER).contacts()).as(after.output()).containsExactly(contact);
        }
    }

    @Test
    @Timeout(60)
    void aWrongDatabasePasswordStopsTheServerWithOneLineAndNoPassword() throws Exception {
        String url = TestPostgres.server().newDatabase();
        int port = FreePorts.udpAndTcp();

        try (ServerProcess server = ServerProcess.start(List.of("run", "--sip-port", Integer.toString(port), "--listen",
                "127.0.0.1", "--http-port", "0", "--data-dir", dataDir.toString(), "--database-url", url,
                "--database-user", TestPostgres.PASSWORD_USER, "--database-password", "wrong-pw-31337"),
                work.resolve("wrong.log"))) {
            assertThat(server.awaitExit(TIMEOUT)).isNotZero();
            String output = server.output();
            assertThat(output).contains("password authentication failed for user \"" + TestPostgres.PASSWORD_USER
                    + "\"").doesNotContain("wrong-pw-31337").doesNotContain("\tat ");
        }
    }

    private void admin(Map<String, String> environment, String... command) throws Exception {
        assertThat(adminExit(environment, command)).isZero();
    }

    /** Runs an admin command on the data directory; returns its exit code, its output checked for the password. */
    private int adminExit(Map<String, String> environment, String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--data-dir", dataDir.toString()));
        Path log = Files.createTempFile(work, command[0], ".log");
        try (ServerProcess admin = ServerProcess.start(args, log, null, environment)) {
            int exit = admin.awaitExit(TIMEOUT);
            assertThat(admin.output()).as("%s", args).doesNotContain(TestPostgres.PASSWORD).doesNotContain("\tat ");
            return exit;
        }
    }

    private ServerProcess startServer(int port, String url, String log) throws Exception {
        ServerProcess server = ServerProcess.start(List.of("run", "--sip-port", Integer.toString(port), "--listen",
                "127.0.0.1", "--http-port", "0", "--data-dir", dataDir.toString(), "--database-url", url),
                work.resolve(log));
        assertThat(server.awaitLine("Switchboard started", TIMEOUT)).as(server.output()).isTrue();
        return server;
    }

    private static List<String> storedContacts(TestPostgres pg, String url) throws Exception {
        List<String> contacts = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, TestPostgres.USER, "");
                PreparedStatement ps = c.prepareStatement("SELECT contact_uri FROM bindings WHERE aor = ?")) {
            ps.setString(1, "sip:" + USER + "@" + DOMAIN);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    contacts.add(rs.getString(1));
                }
            }
        }
        return contacts;
    }
}
