package org.switchboard.server.tls;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.switchboard.accounts.digest.DigestAlgorithm;
import org.switchboard.accounts.directory.UserDirectory;
import org.switchboard.core.transport.Transport;
import org.switchboard.server.Components;
import org.switchboard.server.config.BackupSettings;
import org.switchboard.server.config.GuardSettings;
import org.switchboard.server.config.HttpSettings;
import org.switchboard.server.config.LogLevel;
import org.switchboard.server.config.PnpSettings;
import org.switchboard.server.config.ServerConfig;
import org.switchboard.server.config.TlsSettings;
import org.switchboard.server.data.Storage;
import org.switchboard.server.lifecycle.Lifecycle;
import org.switchboard.server.lifecycle.Server;
import org.switchboard.store.Database;
import org.switchboard.store.DatabaseSettings;
import org.switchboard.store.accounts.JdbcDomainStore;
import org.switchboard.store.accounts.JdbcUserStore;
import org.switchboard.testkit.server.FreePorts;

/**
 * An in-process server on 127.0.0.1 with SIP over UDP and TLS, HTTP and HTTPS, each on a free
 * port, and users 201 and 202 of {@link #DOMAIN} with password {@link #PASSWORD}.
 */
final class TlsServer implements AutoCloseable {
    static final String DOMAIN = "tls.example.com";
    static final String PASSWORD = "tls-secret-1";
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    final InetSocketAddress udp;
    final InetSocketAddress tls;
    final int httpPort;
    final int httpsPort;
    final TlsComponent certificate;
    private final Server server;

    /** @param settings the TLS settings, whose ports are replaced by free ones */
    TlsServer(Path dataDir, TlsSettings settings) throws Exception {
        seed(dataDir);
        int sipPort = FreePorts.udpAndTcp();
        int tlsPort = FreePorts.udpAndTcp();
        httpPort = FreePorts.udpAndTcp();
        httpsPort = FreePorts.udpAndTcp();
        udp = new InetSocketAddress(LOOPBACK, sipPort);
        tls = new InetSocketAddress(LOOPBACK, tlsPort);
        ServerConfig config = new ServerConfig(sipPort, List.of(LOOPBACK), EnumSet.of(Transport.UDP, Transport.TLS),
                dataDir, LogLevel.INFO, DOMAIN, List.of(DigestAlgorithm.MD5),
                new HttpSettings(httpPort, LOOPBACK, Optional.empty()),
                new PnpSettings(false, false, List.of(), PnpSettings.DEFAULT_MULTICAST_PORT),
                GuardSettings.defaults(), DatabaseSettings.EMBEDDED, List.of(),
                Duration.ZERO, BackupSettings.OFF, new TlsSettings(tlsPort, settings.certificate(), settings.key(), settings.clientCas(),
                        settings.clientCertificates(), httpsPort));
        List<Lifecycle> parts = Components.create(config);
        certificate = parts.stream().filter(TlsComponent.class::isInstance).map(TlsComponent.class::cast)
                .findFirst().orElseThrow();
        server = new Server(parts);
        server.start();
    }

    private static void seed(Path dataDir) {
        Storage storage = Storage.inDataDir(dataDir);
        try (Database db = storage.openDatabase(2)) {
            UserDirectory users = new UserDirectory(new JdbcDomainStore(db), new JdbcUserStore(db), storage.openVault());
            users.addDomain(DOMAIN);
            users.addUser(DOMAIN, "201", null, PASSWORD);
            users.addUser(DOMAIN, "202", null, PASSWORD);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
