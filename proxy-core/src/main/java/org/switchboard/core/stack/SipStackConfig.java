package org.switchboard.core.stack;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.switchboard.core.proxy.ServerCapabilities;
import org.switchboard.core.transaction.TimerSettings;
import org.switchboard.core.transaction.TransactionLimits;
import org.switchboard.core.transport.netty.TransportConfig;

/**
 * Everything the SIP stack needs to start: transports, transaction timers and limits, the host
 * names by which the server is addressed besides its IP addresses, and what it says about itself.
 *
 * @param transport listen points and transport settings
 * @param timers T1, T2, T4
 * @param limits transaction table bounds
 * @param hostNames names (e.g. the SIP domain, the server's DNS name) that address this server
 * @param capabilities Allow, Accept and Supported
 * @param serverHeader the Server header of responses the server makes itself
 */
public record SipStackConfig(TransportConfig transport, TimerSettings timers, TransactionLimits limits,
        Set<String> hostNames, ServerCapabilities capabilities, String serverHeader) {

    public SipStackConfig {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(timers, "timers");
        Objects.requireNonNull(limits, "limits");
        hostNames = Set.copyOf(hostNames);
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(serverHeader, "serverHeader");
    }

    /** Default timers, limits and capabilities around the given transport settings. */
    public static SipStackConfig of(TransportConfig transport) {
        return new SipStackConfig(transport, TimerSettings.DEFAULTS, TransactionLimits.DEFAULTS, Set.of(),
                ServerCapabilities.defaults(), "Switchboard");
    }

    public SipStackConfig withTimers(TimerSettings newTimers) {
        return new SipStackConfig(transport, newTimers, limits, hostNames, capabilities, serverHeader);
    }

    public SipStackConfig withHostNames(Set<String> names) {
        return new SipStackConfig(transport, timers, limits, names, capabilities, serverHeader);
    }

    public SipStackConfig withCapabilities(ServerCapabilities newCapabilities) {
        return new SipStackConfig(transport, timers, limits, hostNames, newCapabilities, serverHeader);
    }

    public SipStackConfig withLimits(TransactionLimits newLimits) {
        return new SipStackConfig(transport, timers, newLimits, hostNames, capabilities, serverHeader);
    }

    /** Listen points of the transport configuration, for logging. */
    public List<?> listenPoints() {
        return transport.listenPoints();
    }
}
