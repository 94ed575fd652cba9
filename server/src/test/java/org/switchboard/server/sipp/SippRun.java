package org.switchboard.server.sipp;

import java.time.Duration;
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
        Duration timeout) {

    /** Checks the values. */
    public SippRun {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(localIp, "localIp");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(timeout, "timeout");
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

        public SippRun build() {
            return new SippRun(scenario, remoteHost, remotePort, localIp, localPort, transport, calls, rate,
                    timeout);
        }
    }
}
