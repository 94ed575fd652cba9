package org.switchboard.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.transport.ListenPoint;
import org.switchboard.server.cli.InvalidConfigurationException;
import org.switchboard.server.cli.ServerOptionModel;
import org.switchboard.server.cli.ServerRunner;
import org.switchboard.server.cli.VersionProvider;
import org.switchboard.core.transport.Addresses;
import org.switchboard.server.config.HttpSettings;
import org.switchboard.server.config.PnpSettings;
import org.switchboard.server.config.ServerConfig;
import org.switchboard.server.data.DataDirectory;
import org.switchboard.server.lifecycle.Server;
import org.switchboard.server.lifecycle.StartupException;

/**
 * Runs a real server in this JVM: sets the log level, prepares the data directory, starts the
 * {@link Components}, and waits until a JVM shutdown hook (SIGTERM, Ctrl-C) stops them. Used once,
 * from the command-line thread, which it blocks while the server runs.
 */
public final class ServerLauncher implements ServerRunner {
    private static final Logger log = LoggerFactory.getLogger(ServerLauncher.class);

    @Override
    public int run(ServerConfig config) throws InvalidConfigurationException {
        LogLevels.applyToRoot(config.logLevel());
        try {
            DataDirectory.prepare(config.dataDir());
        } catch (IOException e) {
            throw new InvalidConfigurationException(e.getMessage(), e);
        }
        try {
            if (ServerOptionModel.writeTemplateIfMissing(config.dataDir())) {
                log.info("Wrote {}, every setting commented out at its default; edit it to configure the server",
                        ServerOptionModel.inDataDirectory(config.dataDir()));
            }
        } catch (IOException e) {
            log.warn("Could not write the commented configuration file into {}: {}", config.dataDir(), e.toString());
        }
        log.info("Starting Switchboard {}: SIP on {}; HTTP {}; plug-and-play {}; data directory {}; database {};"
                + " log level {}", VersionProvider.current(), describeSip(config), describeHttp(config),
                describePnp(config), config.dataDir(), config.database(),
                config.logLevel().name().toLowerCase(Locale.ROOT));

        if (!config.database().embedded() && config.backup().schedule().enabled()) {
            log.info("No scheduled backups: --backup-schedule backs up the embedded database only; back up {} with "
                    + "PostgreSQL's tools (pg_dump) instead", config.database());
        }
        Server server = new Server(Components.create(config));
        Thread shutdownHook = new Thread(server::stop, "switchboard-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            server.start();
        } catch (StartupException e) {
            log.error("Switchboard could not start: {}", e.getMessage());
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
            return 1;
        }
        log.info("Switchboard started; stop it with Ctrl-C or SIGTERM");
        try {
            server.awaitStopped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop();
        }
        return 0;
    }

    private static String describeHttp(ServerConfig config) {
        HttpSettings http = config.http();
        if (!http.enabled()) {
            return "off";
        }
        String on = "on " + Addresses.format(new InetSocketAddress(http.listenAddress(), http.port()))
                + (config.tls().https() ? ", HTTPS on " + Addresses.format(new InetSocketAddress(http.listenAddress(),
                        config.tls().httpsPort())) : "");
        return http.externalUrl().map(url -> on + " (phones use " + url + ")").orElse(on);
    }

    private static String describePnp(ServerConfig config) {
        PnpSettings pnp = config.pnp();
        if (!pnp.enabled()) {
            return "off";
        }
        if (!pnp.multicast()) {
            return "on, without multicast";
        }
        String where = pnp.interfaces().isEmpty() ? "every multicast interface" : String.join(", ", pnp.interfaces());
        return "on, multicast port " + pnp.multicastPort() + " on " + where;
    }

    private static String describeSip(ServerConfig config) {
        return config.sipListenPoints().stream()
                .map(Object::toString)
                .collect(Collectors.joining(", "));
    }
}
