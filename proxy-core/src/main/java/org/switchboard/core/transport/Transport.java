package org.switchboard.core.transport;

import java.util.Locale;

/** A SIP transport protocol as named in Via headers and {@code transport=} URI parameters. */
public enum Transport {
    UDP(false, 5060),
    TCP(true, 5060),
    TLS(true, 5061),
    WS(true, 80),
    WSS(true, 443);

    private final boolean reliable;
    private final int defaultPort;

    Transport(boolean reliable, int defaultPort) {
        this.reliable = reliable;
        this.defaultPort = defaultPort;
    }

    /** Reliable transports need no retransmissions of requests (RFC 3261 §17.1.1.2). */
    public boolean isReliable() {
        return reliable;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The name used in Via headers, e.g. {@code UDP}. */
    public String viaName() {
        return name();
    }

    /** The transport for a Via transport or {@code transport=} value, or {@code null} if unknown. */
    public static Transport fromName(String name) {
        if (name == null) {
            return null;
        }
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "UDP" -> UDP;
            case "TCP" -> TCP;
            case "TLS" -> TLS;
            case "WS" -> WS;
            case "WSS" -> WSS;
            default -> null;
        };
    }
}
