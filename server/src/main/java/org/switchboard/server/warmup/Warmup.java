package org.switchboard.server.warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.accounts.directory.UserDirectory;
import org.switchboard.core.spi.settings.SettingOverride;
import org.switchboard.core.transport.Transport;
import org.switchboard.server.Components;
import org.switchboard.server.LogLevels;
import org.switchboard.server.config.GuardSettings;
import org.switchboard.server.config.BackupSettings;
import org.switchboard.server.config.HttpSettings;
import org.switchboard.server.config.LogLevel;
import org.switchboard.server.config.PnpSettings;
import org.switchboard.server.config.ServerConfig;
import org.switchboard.server.data.Storage;
import org.switchboard.server.lifecycle.Server;
import org.switchboard.server.lifecycle.StartupException;
import org.switchboard.store.Database;
import org.switchboard.store.DatabaseSettings;
import org.switchboard.store.accounts.JdbcDomainStore;
import org.switchboard.store.accounts.JdbcUserStore;

/**
 * Runs synthetic authenticated registrations and calls through a throwaway server on loopback
 * before the real server opens its SIP sockets. A JVM runs new code interpreted until its JIT compiler
 * has compiled it, and compiling takes CPU: a freshly started server that meets an office's phones
 * booting after a power cut, or a busy trunk, used to spend half its CPU compiling in its first
 * 30 seconds and let callers retransmit. Compiled code belongs to the classes, not to the throwaway
 * server's objects, so the real server starts with it. The throwaway server has its own temporary
 * data directory, database and loopback ports, and is gone before the real one opens its SIP ports.
 */
public final class Warmup {
    private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);
    private static final String DOMAIN = "warmup.invalid"; // RFC 6761 §6.4: never resolves
    private static final String PASSWORD = "warm-up-only";
    /** The live setting of the STUN server's own port (the nat section). */
    private static final String STUN_PORT = "nat.stunPort";
    private static final String CALLEE = "callee";
    private static final int CALLERS = 50;
    private static final int WINDOW = 200;
    private static final int GIVE_UP_AFTER_FAILURES = 200;

    private Warmup() {
    }

    /**
     * What a warm-up did.
     *
     * @param registrations authenticated registrations that succeeded
     * @param calls authenticated calls set up and hung up
     * @param stoppedEarly why the warm-up stopped before its time was up, or {@code null}
     */
    public record Result(int registrations, int calls, String stoppedEarly) {
        static final Result NONE = new Result(0, 0, null);
    }

    /**
     * Warms the server up for at most {@code budget}, with the transports, plugins, digest
     * algorithms and guard of {@code config}. Never fails the start: a warm-up that cannot run is
     * logged and skipped.
     */
    public static Result run(ServerConfig config, Duration budget) {
        return run(config, budget, Integer.MAX_VALUE);
    }

    /**
     * As {@link #run(ServerConfig, Duration)}, ending early once {@code exchanges} registrations and
     * calls have ended. The budget counts from the moment the throwaway server answers.
     */
    static Result run(ServerConfig config, Duration budget, int exchanges) {
        if (budget.isZero() || budget.isNegative()) {
            return Result.NONE;
        }
        long started = System.nanoTime();
        LOG.info("Warming up the registration and call paths for up to {} s before opening the SIP ports",
                budget.toSeconds());
        Path dir = null;
        LogLevel level = config.logLevel();
        try {
            dir = Files.createTempDirectory("switchboard-warmup-");
            LogLevels.applyToRoot(LogLevel.WARN); // the throwaway server's start and stop are not news
            Result result = warm(config, dir, budget, exchanges);
            LogLevels.applyToRoot(level);
            LOG.info("Warm-up done in {} ms: {} registrations and {} calls{}",
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), result.registrations, result.calls,
                    result.stoppedEarly == null ? "" : "; it stopped early: " + result.stoppedEarly);
            return result;
        } catch (IOException | StartupException | RuntimeException e) {
            LogLevels.applyToRoot(level);
            LOG.warn("Skipped the warm-up, the server starts cold: {}", e.toString());
            return new Result(0, 0, e.toString());
        } finally {
            if (dir != null) {
                deleteTree(dir);
            }
        }
    }

    /**
     * The real server's pinned settings, but no STUN port of its own: the throwaway server must
     * not take the port the real server is about to open.
     */
    private static List<SettingOverride> warmUpPins(ServerConfig real) {
        List<SettingOverride> pins = new ArrayList<>();
        for (SettingOverride pin : real.settingPins()) {
            if (!pin.key().equals(STUN_PORT)) {
                pins.add(pin);
            }
        }
        pins.add(new SettingOverride(STUN_PORT, "0", "warm-up"));
        return pins;
    }

    /**
     * The real server's transports but TLS, which the synthetic phones do not speak and which would
     * need a certificate; UDP, which they speak, if nothing else is left.
     */
    private static Set<Transport> withoutTls(Set<Transport> transports) {
        Set<Transport> left = EnumSet.noneOf(Transport.class);
        left.addAll(transports);
        left.remove(Transport.TLS);
        return left.isEmpty() ? EnumSet.of(Transport.UDP) : left;
    }

    private static Result warm(ServerConfig real, Path dir, Duration budget, int exchanges)
            throws IOException, StartupException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        // the real server's transports and SIP plugins, so the code is compiled for the classes it runs;
        // no HTTP, so neither plug-and-play nor the web admin, which would speak to the admin about it
        ServerConfig config = new ServerConfig(freePort(loopback), List.of(loopback), withoutTls(real.transports()), dir,
                LogLevel.WARN, DOMAIN, real.digestAlgorithms(),
                new HttpSettings(HttpSettings.DISABLED, loopback, Optional.empty()),
                new PnpSettings(false, false, List.of(), PnpSettings.DEFAULT_MULTICAST_PORT),
                real.guard(), DatabaseSettings.EMBEDDED, warmUpPins(real), Duration.ZERO, BackupSettings.OFF);
        seedUsers(dir);
        Server server = new Server(Components.create(config, Set.of(Components.WEB_ADMIN_PLUGIN)));
        server.start();
        long deadline = System.nanoTime() + budget.toNanos();
        InetSocketAddress target = new InetSocketAddress(loopback, config.sipPort());
        try (SyntheticCallee callee = new SyntheticCallee(new InetSocketAddress(loopback, 0), CALLEE);
                DatagramSocket socket = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
            SyntheticPhones registrar = new SyntheticPhones(callee.socket(), target);
            registrar.run(() -> new Registration(CALLEE, PASSWORD, DOMAIN, callee.local()), 1, 1, deadline, 1);
            if (registrar.succeeded() == 0) {
                return new Result(0, 0, registrar.firstFailure());
            }
            callee.start();
            InetSocketAddress local = (InetSocketAddress) socket.getLocalSocketAddress();
            AtomicInteger turn = new AtomicInteger();
            SyntheticPhones phones = new SyntheticPhones(socket, target);
            // registrations and calls alternate, from CALLERS users in turn
            phones.run(() -> {
                int n = turn.getAndIncrement();
                String user = "phone" + (n / 2 % CALLERS);
                return n % 2 == 0 ? new Registration(user, PASSWORD, DOMAIN, local)
                        : new Call(user, PASSWORD, DOMAIN, CALLEE, local);
            }, WINDOW, exchanges, deadline, GIVE_UP_AFTER_FAILURES);
            int ended = phones.succeeded() + phones.failed();
            String failure = phones.failed() > ended / 10 ? phones.failed() + " of " + ended + " failed, first: "
                    + phones.firstFailure() : null;
            return new Result(phones.succeeded(Registration.class) + 1, phones.succeeded(Call.class), failure);
        } finally {
            server.stop();
        }
    }

    private static void seedUsers(Path dir) {
        Storage storage = Storage.inDataDir(dir);
        try (Database db = storage.openDatabase(2)) {
            UserDirectory users = new UserDirectory(new JdbcDomainStore(db), new JdbcUserStore(db),
                    storage.openVault());
            users.addDomain(DOMAIN);
            users.addUser(DOMAIN, CALLEE, null, PASSWORD);
            for (int i = 0; i < CALLERS; i++) {
                users.addUser(DOMAIN, "phone" + i, null, PASSWORD);
            }
        }
    }

    /** A port free on loopback now for both UDP and TCP; the throwaway server binds it a moment later. */
    private static int freePort(InetAddress loopback) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, loopback);
                    DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, tcp.getLocalPort()))) {
                return udp.getLocalPort();
            } catch (BindException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not delete the warm-up's temporary directory {}: {}", dir, e.toString());
        }
    }
}
