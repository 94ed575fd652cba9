package org.switchboard.server.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.switchboard.accounts.digest.DigestAlgorithm;
import org.switchboard.core.spi.settings.SettingOverride;
import org.switchboard.core.transport.ListenPoint;
import org.switchboard.core.transport.Transport;
import org.switchboard.store.DatabaseSettings;

/**
 * The validated bootstrap configuration of one server. Construction rejects values the server
 * cannot run with, so a {@code ServerConfig} that exists is usable. Immutable and safe to share
 * between threads.
 *
 * @param sipPort the SIP port, 1 to 65535, used on every listen address and transport
 * @param listenAddresses the local IP addresses to listen on; {@code 0.0.0.0} and {@code ::} mean
 *     all IPv4 and all IPv6 interfaces
 * @param transports the SIP transports to listen with; only the ones in {@link #SUPPORTED_TRANSPORTS}
 * @param dataDir the directory the server keeps its data in, stored as an absolute path
 * @param logLevel the level of the root logger
 * @param domain the SIP domain to create at the first start, when the database has none; or
 *     {@code null}
 * @param digestAlgorithms the digest algorithms phones are challenged with, in order of preference
 * @param http the HTTP server
 * @param pnp phone plug-and-play
 * @param guard brute-force and connection flood protection
 * @param database the database: the embedded H2 file in {@code dataDir}, or PostgreSQL
 * @param settingPins live settings given by flags ({@code --nat-mode}, {@code --stun-port}), pinned
 *     for the run as the environment's {@code SWITCHBOARD_<SECTION>_<SETTING>} variables are
 * @param warmUp how long the server may warm up on synthetic traffic before it opens its SIP
 *     sockets; zero for no warm-up
 * @param backup the scheduled backups (with the embedded database only)
 * @param tls SIP over TLS (when {@code transports} has TLS) and HTTPS: port, certificate, client
 *     certificates
 */
public record ServerConfig(
        int sipPort,
        List<InetAddress> listenAddresses,
        Set<Transport> transports,
        Path dataDir,
        LogLevel logLevel,
        String domain,
        List<DigestAlgorithm> digestAlgorithms,
        HttpSettings http,
        PnpSettings pnp,
        GuardSettings guard,
        DatabaseSettings database,
        List<SettingOverride> settingPins,
        Duration warmUp,
        BackupSettings backup,
        TlsSettings tls) {

    /** The transports the server can listen with. */
    public static final Set<Transport> SUPPORTED_TRANSPORTS = Set.of(Transport.UDP, Transport.TCP, Transport.TLS);

    /** The lowest valid port number. */
    public static final int MIN_PORT = 1;

    /** The highest valid port number. */
    public static final int MAX_PORT = 65535;

    /** How long the server started from the command line warms up unless configured otherwise. */
    public static final Duration DEFAULT_WARM_UP = Duration.ofSeconds(10);

    /** The longest warm-up that may be configured. */
    public static final Duration MAX_WARM_UP = Duration.ofMinutes(2);

    /**
     * Validates and copies the values.
     *
     * @throws IllegalArgumentException if the port is out of range, a list is empty, a transport
     *     is not supported or the warm-up is out of range
     */
    public ServerConfig {
        settingPins = List.copyOf(settingPins);
        if (sipPort < MIN_PORT || sipPort > MAX_PORT) {
            throw new IllegalArgumentException(
                    "SIP port " + sipPort + " is not between " + MIN_PORT + " and " + MAX_PORT);
        }
        if (listenAddresses.isEmpty()) {
            throw new IllegalArgumentException("no listen address given");
        }
        if (transports.isEmpty()) {
            throw new IllegalArgumentException("no SIP transport given");
        }
        if (!SUPPORTED_TRANSPORTS.containsAll(transports)) {
            throw new IllegalArgumentException(
                    "unsupported SIP transport in " + transports + "; supported: " + SUPPORTED_TRANSPORTS);
        }
        listenAddresses = List.copyOf(listenAddresses);
        transports = Set.copyOf(EnumSet.copyOf(transports));
        dataDir = dataDir.toAbsolutePath().normalize();
        Objects.requireNonNull(logLevel, "logLevel");
        digestAlgorithms = List.copyOf(new LinkedHashSet<>(digestAlgorithms));
        if (digestAlgorithms.isEmpty()) {
            throw new IllegalArgumentException("no digest algorithm given");
        }
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(pnp, "pnp");
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(database, "database");
        if (warmUp.isNegative() || warmUp.compareTo(MAX_WARM_UP) > 0) {
            throw new IllegalArgumentException("the warm-up must be between 0 and " + MAX_WARM_UP.toSeconds()
                    + " seconds, not " + warmUp.toSeconds());
        }
        Objects.requireNonNull(backup, "backup");
        Objects.requireNonNull(tls, "tls");
    }

    /** A configuration with TLS, if among the transports, on its defaults and no HTTPS. */
    public ServerConfig(int sipPort, List<InetAddress> listenAddresses, Set<Transport> transports, Path dataDir,
            LogLevel logLevel, String domain, List<DigestAlgorithm> digestAlgorithms, HttpSettings http,
            PnpSettings pnp, GuardSettings guard, DatabaseSettings database,
            List<SettingOverride> settingPins, Duration warmUp, BackupSettings backup) {
        this(sipPort, listenAddresses, transports, dataDir, logLevel, domain, digestAlgorithms, http, pnp,
                guard, database, settingPins, warmUp, backup, TlsSettings.DEFAULTS);
    }

    /** Whether the server needs a certificate: SIP over TLS or HTTPS. */
    public boolean usesTls() {
        return transports.contains(Transport.TLS) || tls.https();
    }

    /**
     * A configuration without a warm-up and scheduled backups and with no live setting given by a flag, for servers
     * embedded in tests and tools.
     */
    public ServerConfig(int sipPort, List<InetAddress> listenAddresses, Set<Transport> transports, Path dataDir,
            LogLevel logLevel, String domain, List<DigestAlgorithm> digestAlgorithms, HttpSettings http,
            PnpSettings pnp, GuardSettings guard, DatabaseSettings database) {
        this(sipPort, listenAddresses, transports, dataDir, logLevel, domain, digestAlgorithms, http, pnp,
                guard, database, List.of(), Duration.ZERO, BackupSettings.OFF);
    }

    /**
     * A configuration without a warm-up and scheduled backups, with live settings pinned as flags would pin them, for
     * servers embedded in tests and tools.
     */
    public ServerConfig(int sipPort, List<InetAddress> listenAddresses, Set<Transport> transports, Path dataDir,
            LogLevel logLevel, String domain, List<DigestAlgorithm> digestAlgorithms, HttpSettings http,
            PnpSettings pnp, GuardSettings guard, DatabaseSettings database,
            List<SettingOverride> settingPins) {
        this(sipPort, listenAddresses, transports, dataDir, logLevel, domain, digestAlgorithms, http, pnp,
                guard, database, settingPins, Duration.ZERO, BackupSettings.OFF);
    }

    /** A configuration on the embedded database in {@code dataDir}. */
    public ServerConfig(int sipPort, List<InetAddress> listenAddresses, Set<Transport> transports, Path dataDir,
            LogLevel logLevel, String domain, List<DigestAlgorithm> digestAlgorithms, HttpSettings http,
            PnpSettings pnp, GuardSettings guard) {
        this(sipPort, listenAddresses, transports, dataDir, logLevel, domain, digestAlgorithms, http, pnp,
                guard, DatabaseSettings.EMBEDDED);
    }

    /**
     * Every socket the SIP stack is to open: each transport on each listen address, in transport
     * order (UDP first), then address order; TLS on its own port.
     */
    public List<ListenPoint> sipListenPoints() {
        List<ListenPoint> points = new ArrayList<>();
        for (Transport transport : EnumSet.copyOf(transports)) {
            for (InetAddress address : listenAddresses) {
                int port = transport == Transport.TLS ? tls.sipPort() : sipPort;
                points.add(new ListenPoint(transport, new InetSocketAddress(address, port)));
            }
        }
        return List.copyOf(points);
    }
}
