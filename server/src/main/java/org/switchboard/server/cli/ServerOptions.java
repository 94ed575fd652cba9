package org.switchboard.server.cli;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.switchboard.core.transport.Transport;
import org.switchboard.registrar.digest.DigestAlgorithm;
import org.switchboard.server.config.LogLevel;
import org.switchboard.server.config.ServerConfig;
import picocli.CommandLine.Option;

/**
 * The options that configure a running server, shared as a picocli mixin by every command that
 * runs one. Each option's default comes from its {@code SWITCHBOARD_*} environment variable (see
 * {@link EnvironmentDefaultProvider}), else from the built-in value. Filled in by picocli on the
 * command-line thread; not thread-safe.
 */
public final class ServerOptions {

    @Option(names = "--sip-port", paramLabel = "PORT", defaultValue = "5060",
            converter = PortConverter.class,
            description = "SIP port for every transport and address (env SWITCHBOARD_SIP_PORT; "
                    + "default ${DEFAULT-VALUE}).")
    int sipPort;

    @Option(names = "--listen", paramLabel = "ADDRESS", split = ",", defaultValue = "0.0.0.0,::",
            converter = IpAddressConverter.class,
            description = "Comma-separated IP addresses to listen on; 0.0.0.0 is every IPv4 and :: "
                    + "every IPv6 address (env SWITCHBOARD_LISTEN; default ${DEFAULT-VALUE}).")
    List<InetAddress> listen;

    @Option(names = "--transports", paramLabel = "TRANSPORT", split = ",", defaultValue = "udp,tcp",
            converter = SipTransportConverter.class,
            description = "Comma-separated SIP transports: udp, tcp "
                    + "(env SWITCHBOARD_TRANSPORTS; default ${DEFAULT-VALUE}).")
    List<Transport> transports;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./data",
            description = "Directory for the server's data, created if missing "
                    + "(env SWITCHBOARD_DATA_DIR; default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "info",
            description = "Log level: ${COMPLETION-CANDIDATES} "
                    + "(env SWITCHBOARD_LOG_LEVEL; default ${DEFAULT-VALUE}).")
    LogLevel logLevel;

    @Option(names = "--domain", paramLabel = "DOMAIN",
            description = "SIP domain to create at the first start, when there is none yet, e.g. "
                    + "example.com (env SWITCHBOARD_DOMAIN).")
    String domain;

    @Option(names = "--digest-algorithms", paramLabel = "ALGORITHM", split = ",", defaultValue = "sha-256,md5",
            converter = DigestAlgorithmConverter.class,
            description = "Digest algorithms to challenge phones with, in order of preference; older phones "
                    + "that only read the first challenge may need md5 alone "
                    + "(env SWITCHBOARD_DIGEST_ALGORITHMS; default ${DEFAULT-VALUE}).")
    List<DigestAlgorithm> digestAlgorithms;

    /**
     * The configuration these options describe.
     *
     * @throws IllegalArgumentException if the values do not form a valid configuration
     */
    public ServerConfig toConfig() {
        return new ServerConfig(sipPort, listen, EnumSet.copyOf(transports), dataDir, logLevel, domain, digestAlgorithms);
    }
}
