package org.switchboard.server.sipp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one SIPp run does: which scenario, against which peer (none for a scenario that only
 * answers), on which local address and port, with which transport, how many calls at what rate,
 * and how long it may take at most. Immutable; build it with {@link #scenario(String)}.
 *
 * @param scenario the folder name under {@code src/test/resources/sipp/}
 * @param remoteHost the peer's IP address, or {@code null} for an answering scenario
 * @param remotePort the peer's port, or 0 for an answering scenario
 * @param localIp the local IP address SIPp binds and writes into its messages
 * @param localPort the local port SIPp binds, or 0 to let {@link Sipp} pick a free one
 * @param transport UDP or TCP
 * @param calls how many calls SIPp makes or answers before it exits ({@code -m})
 * @param rate calls per second ({@code -r})
 * @param timeout the longest the run may take; SIPp fails the run when it passes
 * @param service the user part of the request URI ({@code -s}, the scenario's {@code [service]}),
 *     or {@code null} for SIPp's default
 * @param injectionFile a CSV file of per-call values ({@code -inf}, the scenario's {@code
 *     [field0]}...), or {@code null}
 * @param authUri the URI digest responses are computed over ({@code -auth_uri}), or {@code null}
 *     for SIPp's default (the remote address, which a server rightly rejects)
 * @param keys the scenario's generic keywords ({@code -key name value}), e.g. {@code domain}
 */
public record SippRun(
        String scenario,
        String remoteHost,
        int remotePort,
        String localIp,
        int localPort,
        SippTransport transport,
        int calls,
        int rate,
        Duration timeout,
        String service,
        Path injectionFile,
        String authUri,
        Map<String, String> keys) {

    /** Checks the values. */
    public SippRun {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(localIp, "localIp");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(timeout, "timeout");
        keys = Map.copyOf(keys);
        if (calls < 1 || rate < 1 || timeout.toSeconds() < 1) {
            throw new IllegalArgumentException("calls, rate and timeout (in seconds) must be positive");
        }
    }

    /** Starts a run of the scenario: UDP on 127.0.0.1, one call per second, at most 30 seconds. */
    public static Builder scenario(String name) {
        return new Builder(name);
    }

    /** Whether this run sends to a peer rather than only answering. */
    boolean hasRemote() {
        return remoteHost != null;
    }

    /** Builds a {@link SippRun}; not thread-safe. */
    public static final class Builder {
        private final String scenario;
        private String remoteHost;
        private int remotePort;
        private String localIp = "127.0.0.1";
        private int localPort;
        private SippTransport transport = SippTransport.UDP;
        private int calls = 1;
        private int rate = 1;
        private Duration timeout = Duration.ofSeconds(30);
        private String service;
        private Path injectionFile;
        private String authUri;
        private final Map<String, String> keys = new LinkedHashMap<>();

        private Builder(String scenario) {
            this.scenario = scenario;
        }

        /** The peer to send to. */
        public Builder target(String host, int port) {
            this.remoteHost = host;
            this.remotePort = port;
            return this;
        }

        /** The local IP address to bind and advertise. */
        public Builder localIp(String ip) {
            this.localIp = ip;
            return this;
        }

        /** The local port to bind, e.g. where an answering scenario listens. */
        public Builder localPort(int port) {
            this.localPort = port;
            return this;
        }

        public Builder transport(SippTransport value) {
            this.transport = value;
            return this;
        }

        public Builder calls(int value) {
            this.calls = value;
            return this;
        }

        public Builder rate(int callsPerSecond) {
            this.rate = callsPerSecond;
            return this;
        }

        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        /** The user part of the request URI, {@code [service]} in the scenario. */
        public Builder service(String user) {
            this.service = user;
            return this;
        }

        /** Per-call values, {@code [field0]}... in the scenario; the file's first line says how they are read. */
        public Builder injectionFile(Path file) {
            this.injectionFile = file;
            return this;
        }

        /** The URI digest responses are computed over, e.g. {@code example.com} for a REGISTER. */
        public Builder authUri(String uri) {
            this.authUri = uri;
            return this;
        }

        /** A generic keyword of the scenario, {@code [name]}. */
        public Builder key(String name, String value) {
            keys.put(name, value);
            return this;
        }

        public SippRun build() {
            return new SippRun(scenario, remoteHost, remotePort, localIp, localPort, transport, calls, rate,
                    timeout, service, injectionFile, authUri, keys);
        }
    }
}
