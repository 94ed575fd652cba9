package org.switchboard.server.cli;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.switchboard.accounts.bruteforce.Cidr;
import org.switchboard.accounts.digest.DigestAlgorithm;
import org.switchboard.core.spi.settings.SettingOverride;
import org.switchboard.core.transport.Transport;
import org.switchboard.pnp.devices.ExtensionRange;
import org.switchboard.server.config.BackupSchedule;
import org.switchboard.server.config.BackupSettings;
import org.switchboard.server.config.BanAction;
import org.switchboard.server.config.ClientCertificates;
import org.switchboard.server.config.GuardSettings;
import org.switchboard.server.config.HttpSettings;
import org.switchboard.server.config.LogLevel;
import org.switchboard.server.config.PnpSettings;
import org.switchboard.server.config.ServerConfig;
import org.switchboard.server.config.TlsSettings;
import org.switchboard.store.DatabaseSettings;
import picocli.CommandLine.Option;

/**
 * The options that configure a running server, shared as a picocli mixin by every command that
 * runs one. Each option's default comes from its {@code SWITCHBOARD_*} environment variable (see
 * {@link EnvironmentDefaultProvider}), else from the bootstrap file ({@link ServerOptionModel}),
 * else from the built-in value. Filled in by picocli on the
 * command-line thread; not thread-safe.
 */
public final class ServerOptions {
    /** The option naming the bootstrap file; read before the others (see {@link Bootstrap}). */
    static final String CONFIG = "--config";
    private static final String INTERFACES_ALL = "all";
    private static final String INTERFACES_NONE = "none";

    @Option(names = CONFIG, paramLabel = "FILE",
            description = "Bootstrap file to read settings from, instead of switchboard.conf in the data directory "
                    + "(env SWITCHBOARD_CONFIG).")
    Path config;

    @Option(names = "--sip-port", paramLabel = "PORT", defaultValue = "5060",
            converter = PortConverter.class,
            description = "SIP port for UDP and TCP on every address (env SWITCHBOARD_SIP_PORT; "
                    + "default ${DEFAULT-VALUE}).")
    int sipPort;

    @Option(names = "--listen", paramLabel = "ADDRESS", split = ",", defaultValue = "0.0.0.0,::",
            converter = IpAddressConverter.class,
            description = "Comma-separated IP addresses to listen on; 0.0.0.0 is every IPv4 and :: "
                    + "every IPv6 address (env SWITCHBOARD_LISTEN; default ${DEFAULT-VALUE}).")
    List<InetAddress> listen;

    @Option(names = "--transports", paramLabel = "TRANSPORT", split = ",", defaultValue = "udp,tcp",
            converter = SipTransportConverter.class,
            description = "Comma-separated SIP transports: udp, tcp, tls (SIP over TLS on --tls-port, with the "
                    + "certificate of --tls-cert or a self-signed one generated into the data directory) "
                    + "(env SWITCHBOARD_TRANSPORTS; default ${DEFAULT-VALUE}).")
    List<Transport> transports;

    @Option(names = "--tls-port", paramLabel = "PORT", defaultValue = "" + TlsSettings.DEFAULT_SIP_PORT,
            converter = PortConverter.class,
            description = "SIP over TLS port on every listen address, when --transports has tls "
                    + "(env SWITCHBOARD_TLS_PORT; default ${DEFAULT-VALUE}).")
    int tlsPort;

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "PEM file of the TLS certificate for SIP and HTTPS, server certificate first, then its "
                    + "intermediates; read again when it changes (env SWITCHBOARD_TLS_CERT; default: tls/cert.pem in "
                    + "the data directory, generated self-signed).")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE",
            description = "PEM file of the certificate's private key, unencrypted PKCS #8 (BEGIN PRIVATE KEY); "
                    + "read again when it changes (env SWITCHBOARD_TLS_KEY; default: tls/key.pem in the data "
                    + "directory, generated).")
    Path tlsKey;

    @Option(names = "--tls-client-ca", paramLabel = "FILE", split = ",",
            description = "Comma-separated PEM files of the CAs phones' client certificates must be signed by, "
                    + "e.g. the phone vendor's (env SWITCHBOARD_TLS_CLIENT_CA; default: none).")
    List<Path> tlsClientCa;

    @Option(names = "--tls-client-auth", paramLabel = "MODE", defaultValue = "none",
            description = "Client certificates over SIP TLS: none (not asked for), optional (asked for; one not "
                    + "signed by a --tls-client-ca is refused) or require (a connection without one is refused) "
                    + "(env SWITCHBOARD_TLS_CLIENT_AUTH; default ${DEFAULT-VALUE}).")
    ClientCertificates tlsClientAuth;

    @Option(names = "--https-port", paramLabel = "PORT", defaultValue = "0",
            converter = HttpPortConverter.class,
            description = "HTTPS port beside --http-port, same address, pages and certificate as SIP over TLS; "
                    + "0 for none (env SWITCHBOARD_HTTPS_PORT; default ${DEFAULT-VALUE}).")
    int httpsPort;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./data",
            description = "Directory for the server's data, created if missing "
                    + "(env SWITCHBOARD_DATA_DIR; default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--database-url", paramLabel = "JDBC-URL",
            description = "Database to keep users, registrations and call records in instead of the embedded one "
                    + "in the data directory, e.g. jdbc:postgresql://db.example.com/switchboard, which several "
                    + "servers may share (env SWITCHBOARD_DATABASE_URL; default: the embedded database).")
    String databaseUrl;

    @Option(names = "--database-user", paramLabel = "USER",
            description = "User of --database-url, unless given in the URL (env SWITCHBOARD_DATABASE_USER).")
    String databaseUser;

    @Option(names = "--database-password", paramLabel = "PASSWORD",
            description = "Password of --database-url, unless given in the URL; prefer the variable, which other "
                    + "users cannot see in the process list (env SWITCHBOARD_DATABASE_PASSWORD).")
    String databasePassword;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "info",
            description = "Log level: ${COMPLETION-CANDIDATES} "
                    + "(env SWITCHBOARD_LOG_LEVEL; default ${DEFAULT-VALUE}).")
    LogLevel logLevel;

    @Option(names = "--domain", paramLabel = "DOMAIN",
            description = "SIP domain to create at the first start, when there is none yet, e.g. "
                    + "example.com (env SWITCHBOARD_DOMAIN).")
    String domain;

    @Option(names = "--digest-algorithms", paramLabel = "ALGORITHM", split = ",", defaultValue = "md5",
            converter = DigestAlgorithmConverter.class,
            description = "Digest algorithms to challenge phones with, one challenge each, in order of "
                    + "preference: md5 (every phone answers it), or sha-256,md5 to offer SHA-256 too, which "
                    + "baresip 1.0, SIPp 3.6 and sipvicious cannot register with "
                    + "(env SWITCHBOARD_DIGEST_ALGORITHMS; default ${DEFAULT-VALUE}).")
    List<DigestAlgorithm> digestAlgorithms;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080",
            converter = HttpPortConverter.class,
            description = "HTTP port for phones' settings files; 0 disables HTTP and with it plug-and-play "
                    + "(env SWITCHBOARD_HTTP_PORT; default ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--http-listen", paramLabel = "ADDRESS", defaultValue = "0.0.0.0",
            converter = IpAddressConverter.class,
            description = "IP address the HTTP server listens on; 0.0.0.0 is every IPv4 and :: every address "
                    + "(env SWITCHBOARD_HTTP_LISTEN; default ${DEFAULT-VALUE}).")
    InetAddress httpListen;

    @Option(names = "--external-url", paramLabel = "URL",
            description = "Base URL phones fetch their settings from, e.g. https://pbx.example.com, when it is "
                    + "not this server's own address and HTTP port (env SWITCHBOARD_EXTERNAL_URL; default: "
                    + "the address of the interface the phone asked on).")
    URI externalUrl;

    @Option(names = "--pnp", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Phone plug-and-play: answer phones' ua-profile SUBSCRIBEs with their settings URL; "
                    + "--no-pnp switches it off (env SWITCHBOARD_PNP=true|false; default ${DEFAULT-VALUE}).")
    boolean pnp;

    @Option(names = "--pnp-interfaces", paramLabel = "INTERFACE", split = ",", defaultValue = "all",
            description = "Network interfaces on which to listen for plug-and-play multicast (224.0.1.75): "
                    + "all (every interface that is up and multicast-capable with an IPv4 address), none, "
                    + "or comma-separated names such as eth0 (env SWITCHBOARD_PNP_INTERFACES; "
                    + "default ${DEFAULT-VALUE}).")
    List<String> pnpInterfaces;

    @Option(names = "--pnp-multicast-port", paramLabel = "PORT", defaultValue = "5060",
            converter = PortConverter.class,
            description = "UDP port of the plug-and-play multicast group; phones use 5060 "
                    + "(env SWITCHBOARD_PNP_MULTICAST_PORT; default ${DEFAULT-VALUE}).")
    int pnpMulticastPort;

    @Option(names = "--cdr-retention-days", paramLabel = "DAYS",
            description = "Days call records are kept; older ones are deleted at start and daily; pins the live "
                    + "setting calls.retentionDays for the run (env SWITCHBOARD_CDR_RETENTION_DAYS; default: the "
                    + "stored setting, 90).")
    Integer cdrRetentionDays;

    @Option(names = "--backup-schedule", paramLabel = "SCHEDULE", defaultValue = "daily@03:00",
            converter = BackupScheduleConverter.class,
            description = "When the running server backs itself up: daily@HH:MM in the server's time zone, or off; "
                    + "a backup missed while the server was stopped is taken at the next start "
                    + "(env SWITCHBOARD_BACKUP_SCHEDULE; default ${DEFAULT-VALUE}).")
    BackupSchedule backupSchedule;

    @Option(names = "--backup-dir", paramLabel = "DIR",
            description = "Directory for the scheduled backups, created if missing; best on another disk "
                    + "(env SWITCHBOARD_BACKUP_DIR; default: backups in the data directory).")
    Path backupDir;

    @Option(names = "--backup-keep", paramLabel = "N", defaultValue = "" + BackupSettings.DEFAULT_KEEP,
            description = "How many scheduled backups to keep, at least 1; older ones are deleted after each new one "
                    + "(env SWITCHBOARD_BACKUP_KEEP; default ${DEFAULT-VALUE}).")
    int backupKeep;

    @Option(names = "--pnp-assign", paramLabel = "POLICY",
            description = "What to do with a phone no admin assigned yet: none (record it as discovered; "
                    + "'switchboard device assign' gives it a user) or auto (give it the next free extension of "
                    + "--pnp-extensions in the first domain, creating that user); pins the live setting pnp.assign "
                    + "for the run (env SWITCHBOARD_PNP_ASSIGN; default: the stored setting, none).")
    String pnpAssign;

    @Option(names = "--pnp-extensions", paramLabel = "FIRST-LAST",
            description = "Extensions --pnp-assign auto gives to new phones, lowest free one first; pins the live "
                    + "setting pnp.extensions for the run (env SWITCHBOARD_PNP_EXTENSIONS; default: the stored "
                    + "setting, 200-299).")
    String pnpExtensions;

    @Option(names = "--trusted-networks", paramLabel = "NETWORK", split = ",", converter = CidrConverter.class,
            description = "Comma-separated IPv4 and IPv6 networks (CIDR, e.g. 192.168.1.0/24,2001:db8::/48) whose "
                    + "phones are never blocked or banned for wrong passwords and may open any number of TCP "
                    + "connections (env SWITCHBOARD_TRUSTED_NETWORKS; default: none).")
    List<Cidr> trustedNetworks;

    @Option(names = "--ban-action", paramLabel = "ACTION", defaultValue = "drop",
            description = "What a banned address gets: drop (nothing: its packets are dropped unread) or reject "
                    + "(403 Forbidden) (env SWITCHBOARD_BAN_ACTION; default ${DEFAULT-VALUE}).")
    BanAction banAction;

    @Option(names = "--tcp-connections-per-source", paramLabel = "N",
            defaultValue = "" + GuardSettings.DEFAULT_TCP_CONNECTIONS_PER_SOURCE,
            description = "The most TCP connections one IP address may hold open; an office of phones behind "
                    + "one NAT address on TCP needs one each (env SWITCHBOARD_TCP_CONNECTIONS_PER_SOURCE; "
                    + "default ${DEFAULT-VALUE}).")
    int tcpConnectionsPerSource;

    @Option(names = "--tcp-first-message-timeout", paramLabel = "SECONDS",
            defaultValue = "" + GuardSettings.DEFAULT_TCP_FIRST_MESSAGE_SECONDS,
            description = "Seconds a new TCP connection may take to send its first whole SIP message before it "
                    + "is closed (env SWITCHBOARD_TCP_FIRST_MESSAGE_TIMEOUT; default ${DEFAULT-VALUE}).")
    int tcpFirstMessageTimeout;

    @Option(names = "--warm-up", paramLabel = "SECONDS", defaultValue = "10",
            description = "Seconds the server may spend at start running synthetic registrations and calls over "
                    + "loopback before it opens its SIP ports, so it meets the first phones at full speed; 0 "
                    + "opens them at once (env SWITCHBOARD_WARM_UP; default ${DEFAULT-VALUE}).")
    int warmUpSeconds;

    @Option(names = "--nat-mode", paramLabel = "MODE",
            description = "Phones behind NAT: auto (detected from each request), always (every phone is treated as "
                    + "behind NAT) or never; pins the live setting nat.mode for the run (env SWITCHBOARD_NAT_MODE; "
                    + "default: the stored setting, auto).")
    String natMode;

    @Option(names = "--nat-keepalive", paramLabel = "DURATION",
            description = "How often the server pings the flow of a phone registered from behind NAT over UDP with "
                    + "OPTIONS, e.g. 25s; 0 for never; pins the live setting nat.keepaliveInterval for the run "
                    + "(env SWITCHBOARD_NAT_KEEPALIVE; default: the stored setting, 25s).")
    String natKeepalive;

    @Option(names = "--stun-port", paramLabel = "PORT",
            description = "UDP port of the STUN server (RFC 5389); the next port answers CHANGE-REQUEST; 0 switches "
                    + "it off (STUN on the SIP port stays); pins nat.stunPort (env SWITCHBOARD_STUN_PORT; "
                    + "default: the stored setting, 3478).")
    String stunPort;

    @Option(names = "--rtp-relay", paramLabel = "MODE",
            description = "Which calls have their media relayed through the server: auto (calls with a phone behind "
                    + "NAT), always or never; pins the live setting rtp.relay (env SWITCHBOARD_RTP_RELAY; default: "
                    + "the stored setting, auto).")
    String rtpRelay;

    @Option(names = "--rtp-ports", paramLabel = "FIRST-LAST",
            description = "UDP ports of the RTP relay, two pairs per relayed stream; pins rtp.ports (env "
                    + "SWITCHBOARD_RTP_PORTS; default: the stored setting, 20000-29999).")
    String rtpPorts;

    @Option(names = "--external-address", paramLabel = "ADDRESS",
            description = "The public IP address put in relayed SDP when the server itself is behind a NAT; pins "
                    + "rtp.externalAddress (env SWITCHBOARD_EXTERNAL_ADDRESS; default: none, the address of the SIP "
                    + "socket facing each phone).")
    String externalAddress;

    /**
     * The configuration these options describe.
     *
     * @throws IllegalArgumentException if the values do not form a valid configuration
     */
    public ServerConfig toConfig() {
        return new ServerConfig(sipPort, listen, EnumSet.copyOf(transports), dataDir, logLevel,
                domain, digestAlgorithms, new HttpSettings(httpPort, httpListen, Optional.ofNullable(externalUrl)),
                pnpSettings(), new GuardSettings(
                        trustedNetworks == null ? List.of() : trustedNetworks, banAction, tcpConnectionsPerSource,
                        Duration.ofSeconds(tcpFirstMessageTimeout)), database(), settingPins(),
                Duration.ofSeconds(warmUpSeconds), backup(), tlsSettings());
    }

    private BackupSettings backup() {
        try {
            return new BackupSettings(backupSchedule, Optional.ofNullable(backupDir), backupKeep);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--backup-keep: " + e.getMessage(), e);
        }
    }

    private TlsSettings tlsSettings() {
        return new TlsSettings(tlsPort, Optional.ofNullable(tlsCert), Optional.ofNullable(tlsKey),
                tlsClientCa == null ? List.of() : tlsClientCa, tlsClientAuth, httpsPort);
    }

    /** The live settings flags give, pinned for the run. */
    private List<SettingOverride> settingPins() {
        List<SettingOverride> pins = new ArrayList<>();
        if (natMode != null) {
            pins.add(new SettingOverride("nat.mode", natMode, "--nat-mode"));
        }
        if (natKeepalive != null) {
            pins.add(new SettingOverride("nat.keepaliveInterval", natKeepalive, "--nat-keepalive"));
        }
        if (stunPort != null) {
            pins.add(new SettingOverride("nat.stunPort", stunPort, "--stun-port"));
        }
        if (cdrRetentionDays != null) {
            if (cdrRetentionDays < 1) {
                throw new IllegalArgumentException("call records must be kept at least one day, not "
                        + cdrRetentionDays + " days");
            }
            pins.add(new SettingOverride("calls.retentionDays", cdrRetentionDays.toString(), "--cdr-retention-days"));
        }
        if (pnpAssign != null) {
            pins.add(new SettingOverride("pnp.assign", pnpAssign, "--pnp-assign"));
        }
        if (pnpExtensions != null) {
            pins.add(new SettingOverride("pnp.extensions", extensionRange().toString(), "--pnp-extensions"));
        }
        if (rtpRelay != null) {
            pins.add(new SettingOverride("rtp.relay", rtpRelay, "--rtp-relay"));
        }
        if (rtpPorts != null) {
            pins.add(new SettingOverride("rtp.ports", rtpPorts, "--rtp-ports"));
        }
        if (externalAddress != null) {
            pins.add(new SettingOverride("rtp.externalAddress", externalAddress, "--external-address"));
        }
        return pins;
    }

    private DatabaseSettings database() {
        return new DatabaseSettings(blankToNull(databaseUrl), blankToNull(databaseUser), blankToNull(databasePassword));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private ExtensionRange extensionRange() {
        try {
            return ExtensionRange.parse(pnpExtensions);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--pnp-extensions: " + e.getMessage(), e);
        }
    }

    /** {@code all} and {@code none} are keywords for --pnp-interfaces; anything else names interfaces. */
    private PnpSettings pnpSettings() {
        List<String> names = pnpInterfaces.stream().map(String::strip).toList();
        if (names.size() == 1 && names.get(0).equalsIgnoreCase(INTERFACES_NONE)) {
            return new PnpSettings(pnp, false, List.of(), pnpMulticastPort);
        }
        if (names.size() == 1 && names.get(0).equalsIgnoreCase(INTERFACES_ALL)) {
            return new PnpSettings(pnp, true, List.of(), pnpMulticastPort);
        }
        if (names.stream().anyMatch(n -> n.equalsIgnoreCase(INTERFACES_ALL) || n.equalsIgnoreCase(INTERFACES_NONE))) {
            throw new IllegalArgumentException("--pnp-interfaces takes 'all', 'none' or interface names, not a mix: "
                    + String.join(",", names));
        }
        return new PnpSettings(pnp, true, names, pnpMulticastPort);
    }
}
