package org.switchboard.testkit.phone;

import java.util.Locale;

/** The transports a scripted phone speaks. */
public enum Transport {
    UDP,
    TCP,
    /** TLS over TCP (RFC 3261 §26.3.1); the phone needs an {@link javax.net.ssl.SSLContext}. */
    TLS;

    /** The token in a Via header (RFC 3261 §20.42). */
    String viaToken() {
        return name();
    }

    /** The {@code transport} URI parameter, empty for UDP (RFC 3261 §19.1.1 default). */
    String uriParam() {
        return this == UDP ? "" : ";transport=" + name().toLowerCase(Locale.ROOT);
    }
}
