package org.switchboard.server.config;

/** Whether SIP over TLS asks phones for a client certificate signed by a configured CA. */
public enum ClientCertificates {
    /** No client certificate is asked for. */
    NONE,
    /** Asked for; a connection without one is accepted, one with a certificate no CA signed is refused. */
    OPTIONAL,
    /** A connection without a certificate signed by a configured CA is refused in the handshake. */
    REQUIRE
}
