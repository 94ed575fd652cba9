package org.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testkit.phone.PhoneCrowd;
import org.switchboard.testkit.server.FreePorts;

/**
 * A binding acknowledged with 200 OK survives SIGKILL (RFC 3261 §10.3 step 8: the 200 is sent once
 * the binding is stored). The packaged server runs on a data directory with users imported; phones
 * register, and while a second wave of REGISTERs is being answered the server is killed with
 * SIGKILL. Started again on the same directory, it must list every binding that got a 200, with its
 * remaining expiry, to a query REGISTER (§10.2.3).
 */
class CrashRecoveryIT {
    private static final String DOMAIN = "crash.example.com";
    private static final int FIRST_WAVE = 1000;
    private static final int SECOND_WAVE = 1000;
    /** The second wave is cut by SIGKILL after this many of its 200s. */
    private static final int KILL_AFTER = 300;
    private static final int EXPIRES = 3600;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration WAVE_TIMEOUT = Duration.ofSeconds(15);
    /** Expiry is in whole seconds, rounded by the server, and measured on this side: allow 2 s. */
    private static final long EXPIRY_SLACK_MILLIS = 2_000;

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    @Test
    @Timeout(60)
    void everyAcknowledgedBindingSurvivesSigkill() throws Exception {
        Map<String, String> first = users(0, FIRST_WAVE);
        Map<String, String> second = users(FIRST_WAVE, SECOND_WAVE);
        Map<String, String> all = new LinkedHashMap<>(first);
        all.putAll(second);
        admin("domain", "add", DOMAIN);
        admin("user", "import", csv(all).toString(), "--domain", DOMAIN);

        int port = FreePorts.udpAndTcp();
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", port);
        Map<String, PhoneCrowd.Registered> acknowledged = new LinkedHashMap<>();
        try (ServerProcess before = startServer(port, "before.log");
                PhoneCrowd phones = new PhoneCrowd(server, DOMAIN)) {
            acknowledged.putAll(phones.register(first, EXPIRES, ok -> false, WAVE_TIMEOUT));
            assertThat(acknowledged).as("first wave registered").hasSize(FIRST_WAVE);

            Map<String, PhoneCrowd.Registered> cut =
                    phones.register(second, EXPIRES, ok -> ok >= KILL_AFTER, WAVE_TIMEOUT);
            before.kill();
            acknowledged.putAll(cut);
            assertThat(cut.size()).as("second wave cut after %d 200s", KILL_AFTER)
                    .isBetween(KILL_AFTER, SECOND_WAVE - 1);
        }

        try (ServerProcess after = startServer(port, "after.log");
                PhoneCrowd phones = new PhoneCrowd(server, DOMAIN)) {
            Map<String, String> asked = new LinkedHashMap<>();
            acknowledged.keySet().forEach(user -> asked.put(user, all.get(user)));
            Map<String, PhoneCrowd.Registered> found = phones.query(asked, WAVE_TIMEOUT);

            List<String> problems = new ArrayList<>();
            for (PhoneCrowd.Registered ok : acknowledged.values()) {
                PhoneCrowd.Registered now = found.get(ok.user());
                String contact = ok.contacts().get(0);
                int index = now == null ? -1 : now.contacts().indexOf(contact);
                if (index < 0) {
                    problems.add(ok.user() + ": binding " + contact + " lost");
                    continue;
                }
                long expiresAt = ok.receivedAtMillis() + ok.expires().get(0) * 1000L;
                long expiresAtNow = now.receivedAtMillis() + now.expires().get(index) * 1000L;
                if (Math.abs(expiresAt - expiresAtNow) > EXPIRY_SLACK_MILLIS) {
                    problems.add(ok.user() + ": expiry moved by " + (expiresAtNow - expiresAt) + " ms");
                }
            }
            assertThat(problems).as("%d acknowledged bindings checked; server log:%n%s", acknowledged.size(),
                    after.output()).isEmpty();
        }
    }

    private static Map<String, String> users(int from, int count) {
        Map<String, String> users = new LinkedHashMap<>();
        for (int i = from; i < from + count; i++) {
            users.put(Integer.toString(3_000_000 + i), "secret-" + i);
        }
        return users;
    }

    private Path csv(Map<String, String> users) throws Exception {
        Path file = work.resolve("users.csv");
        try (Stream<String> lines = users.entrySet().stream().map(e -> e.getKey() + "," + e.getValue())) {
            Files.write(file, (Iterable<String>) lines::iterator);
        }
        return file;
    }

    private void admin(String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--data-dir", dataDir.toString()));
        try (ServerProcess admin = ServerProcess.start(args, work.resolve("admin.log"))) {
            assertThat(admin.awaitExit(START_TIMEOUT)).as("%s: %s", args, admin.output()).isZero();
        }
    }

    private ServerProcess startServer(int port, String log) throws Exception {
        // no HTTP and no plug-and-play: bindings are what is tested, and their fixed ports may be taken
        ServerProcess server = ServerProcess.start(List.of("run", "--sip-port", Integer.toString(port), "--listen",
                "127.0.0.1", "--data-dir", dataDir.toString(), "--http-port", "0", "--no-pnp"), work.resolve(log));
        assertThat(server.awaitLine("Switchboard started", START_TIMEOUT)).as(server.output()).isTrue();
        return server;
    }
}
