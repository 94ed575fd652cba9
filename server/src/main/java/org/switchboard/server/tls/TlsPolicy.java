package org.switchboard.server.tls;

import java.util.List;

/**
 * The protocol versions and cipher suites of SIP over TLS and HTTPS: TLS 1.3 and 1.2 only (RFC 8996
 * deprecates 1.0 and 1.1), and for 1.2 only forward-secret ECDHE suites with AEAD ciphers, as RFC
 * 7525 §4.2 recommends. Constants.
 */
public final class TlsPolicy {
    /** The protocol versions offered and accepted. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** The cipher suites, strongest first; those the JDK lacks are left out. */
    public static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_256_GCM_SHA384",
            "TLS_AES_128_GCM_SHA256",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private TlsPolicy() {
    }
}
