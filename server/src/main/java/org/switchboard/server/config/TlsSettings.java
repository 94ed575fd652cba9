package org.switchboard.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * SIP over TLS and HTTPS: the port of the TLS listen points, the certificate (PEM files, or one
 * generated into the data directory when none is given), the CAs client certificates are checked
 * against, and the HTTPS port. Immutable.
 *
 * @param sipPort the port of SIP over TLS on every listen address, used when the transports include TLS
 * @param certificate the PEM certificate chain, server certificate first; empty for the generated one
 * @param key the PEM (PKCS #8) private key of {@code certificate}; present exactly when it is
 * @param clientCas PEM files of the CAs a client certificate must be signed by
 * @param clientCertificates whether phones must show a client certificate
 * @param httpsPort the HTTPS port, or {@link HttpSettings#DISABLED} for none
 */
public record TlsSettings(int sipPort, Optional<Path> certificate, Optional<Path> key, List<Path> clientCas,
        ClientCertificates clientCertificates, int httpsPort) {
    /** The port of SIP over TLS unless configured otherwise (RFC 3261 §26.2.2 via §19.1.2). */
    public static final int DEFAULT_SIP_PORT = 5061;

    /** TLS on its default port with a generated certificate, no client certificates, no HTTPS. */
    public static final TlsSettings DEFAULTS = new TlsSettings(DEFAULT_SIP_PORT, Optional.empty(), Optional.empty(),
            List.of(), ClientCertificates.NONE, HttpSettings.DISABLED);

    /**
     * @throws IllegalArgumentException for a port out of range, a certificate without its key or the
     *     other way round, or client certificates asked for without a CA
     */
    public TlsSettings {
        if (sipPort < ServerConfig.MIN_PORT || sipPort > ServerConfig.MAX_PORT) {
            throw new IllegalArgumentException("TLS port " + sipPort + " is not between " + ServerConfig.MIN_PORT
                    + " and " + ServerConfig.MAX_PORT);
        }
        if (httpsPort < HttpSettings.DISABLED || httpsPort > ServerConfig.MAX_PORT) {
            throw new IllegalArgumentException("HTTPS port " + httpsPort + " is not between 1 and "
                    + ServerConfig.MAX_PORT + " (or 0 for no HTTPS)");
        }
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(key, "key");
        if (certificate.isPresent() != key.isPresent()) {
            throw new IllegalArgumentException(certificate.isPresent()
                    ? "--tls-cert is given without --tls-key: give the certificate's private key too"
                    : "--tls-key is given without --tls-cert: give the key's certificate too");
        }
        clientCas = List.copyOf(clientCas);
        Objects.requireNonNull(clientCertificates, "clientCertificates");
        if (clientCertificates != ClientCertificates.NONE && clientCas.isEmpty()) {
            throw new IllegalArgumentException("--tls-client-auth " + clientCertificates.name().toLowerCase()
                    + " needs --tls-client-ca: the CAs client certificates must be signed by");
        }
    }

    /** Whether HTTPS is served. */
    public boolean https() {
        return httpsPort != HttpSettings.DISABLED;
    }
}
