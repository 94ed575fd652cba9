package org.switchboard.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.switchboard.accounts.digest.DigestAlgorithm;
import org.switchboard.accounts.directory.UserDirectory;
import org.switchboard.core.plugin.Plugin;
import org.switchboard.core.spi.settings.SettingOverride;
import org.switchboard.core.transport.Transport;
import org.switchboard.server.config.BackupSchedule;
import org.switchboard.server.config.BackupSettings;
import org.switchboard.server.config.GuardSettings;
import org.switchboard.server.config.HttpSettings;
import org.switchboard.server.config.LogLevel;
import org.switchboard.server.config.PnpSettings;
import org.switchboard.server.config.ServerConfig;
import org.switchboard.server.data.Storage;
import org.switchboard.server.lifecycle.Lifecycle;
import org.switchboard.server.lifecycle.Server;
import org.switchboard.store.Database;
import org.switchboard.store.DatabaseSettings;
import org.switchboard.store.accounts.JdbcDomainStore;
import org.switchboard.store.accounts.JdbcUserStore;
import org.switchboard.testkit.server.RunningServer;
import org.switchboard.testkit.server.ServerLauncher;
import org.switchboard.testkit.server.ServerSetup;
import org.switchboard.testkit.time.ManualClock;

/**
 * The server module's {@link ServerLauncher} for the test kit's extension: the in-process server of
 * {@link Components}, SIP over UDP and TCP on the set-up's address and port, plug-and-play off.
 * Options: {@code digestAlgorithms} (comma-separated tokens, default {@code MD5}); {@code plugin} (the
 * class name of a {@link Plugin} with a public no-argument constructor to run in place of the ones on the
 * class path, default none); and any live setting by its key ({@code nat.keepaliveInterval}: {@code 1s}),
 * pinned for the run; {@code nat.stunPort} is 0 (no STUN port of its own) unless given; {@code backupSchedule}
 * ({@code daily@HH:MM}, default off) and {@code backupKeep} (default 7), the schedule following
 * {@link #BACKUP_CLOCK} in UTC, which tests move by hand. Registered under
 * {@code META-INF/services} in the test resources. Stateless and thread-safe.
 */
public final class TestServerLauncher implements ServerLauncher {
    /** The option naming the digest algorithms phones are challenged with. */
    public static final String DIGEST_ALGORITHMS = "digestAlgorithms";
    /** The option naming a plugin class to run in the server. */
    public static final String PLUGIN = "plugin";
    /** The option scheduling backups, {@code daily@HH:MM} in UTC on {@link #BACKUP_CLOCK}. */
    public static final String BACKUP_SCHEDULE = "backupSchedule";
    /** The option naming how many scheduled backups are kept. */
    public static final String BACKUP_KEEP = "backupKeep";
    /** The time the backup schedule of every server this launcher starts follows; only tests of it move it. */
    public static final ManualClock BACKUP_CLOCK = new ManualClock();
    /** The STUN server's own port, off in tests unless a test sets it. */
    private static final String STUN_PORT = "nat.stunPort";

    @Override
    public RunningServer start(ServerSetup setup) throws Exception {
        seed(setup);
        List<DigestAlgorithm> algorithms = Arrays.stream(setup.options().getOrDefault(DIGEST_ALGORITHMS, "MD5")
                .split(",")).map(String::trim).map(DigestAlgorithm::fromToken).toList();
        ServerConfig config = new ServerConfig(setup.sipPort(), List.of(setup.address()),
                Set.of(Transport.UDP, Transport.TCP), setup.dataDirectory(), LogLevel.INFO, null, algorithms,
                new HttpSettings(setup.httpPort(), setup.address(), Optional.empty()),
                new PnpSettings(false, false, List.of(), PnpSettings.DEFAULT_MULTICAST_PORT),
                GuardSettings.defaults(), DatabaseSettings.EMBEDDED,
                settingPins(setup.options()), Duration.ZERO, backup(setup.options()));
        String pluginClass = setup.options().get(PLUGIN);
        List<Lifecycle> parts = pluginClass == null ? Components.create(config, Set.of(), BACKUP_CLOCK)
                : Components.create(config, List.of((Plugin) Class.forName(pluginClass).getConstructor().newInstance()),
                        BACKUP_CLOCK);
        RegistrarComponent registrar = parts.stream().filter(RegistrarComponent.class::isInstance)
                .map(RegistrarComponent.class::cast).findFirst().orElseThrow();
        Server server = new Server(parts);
        server.start();
        return new RunningServer() {
            @Override
            public void addDomain(String domain) {
                registrar.features().accounts().userDirectory().addDomain(domain);
            }

            @Override
            public void addUser(String domain, String user, String password) {
                registrar.features().accounts().userDirectory().addUser(domain, user, null, password);
            }

            @Override
            public void close() {
                server.stop();
            }
        };
    }

    private static BackupSettings backup(Map<String, String> options) {
        String schedule = options.get(BACKUP_SCHEDULE);
        return schedule == null ? BackupSettings.OFF : new BackupSettings(BackupSchedule.parse(schedule),
                Optional.empty(), Integer.parseInt(options.getOrDefault(BACKUP_KEEP, "" + BackupSettings.DEFAULT_KEEP)));
    }

    /** The options naming a live setting ({@code section.setting}), with STUN's own port off by default. */
    private static List<SettingOverride> settingPins(Map<String, String> options) {
        Map<String, String> pinned = new LinkedHashMap<>();
        pinned.put(STUN_PORT, "0");
        options.forEach((name, value) -> {
            if (name.contains(".")) {
                pinned.put(name, value);
            }
        });
        List<SettingOverride> pins = new ArrayList<>();
        pinned.forEach((key, value) -> pins.add(new SettingOverride(key, value, "test option " + key)));
        return pins;
    }

    /** Creates the set-up's domains and users that the data directory does not have yet. */
    private static void seed(ServerSetup setup) {
        Storage storage = Storage.inDataDir(setup.dataDirectory());
        try (Database db = storage.openDatabase(2)) {
            UserDirectory users = new UserDirectory(new JdbcDomainStore(db), new JdbcUserStore(db),
                    storage.openVault());
            for (String domain : setup.domains()) {
                if (users.domains().stream().noneMatch(d -> d.name().equals(domain))) {
                    users.addDomain(domain);
                }
            }
            for (ServerSetup.User u : setup.users()) {
                if (u.user() != null && users.users(u.domain()).stream().noneMatch(x -> x.name().equals(u.user()))) {
                    users.addUser(u.domain(), u.user(), null, u.password());
                }
            }
        }
    }
}
