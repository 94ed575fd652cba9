package org.switchboard.server.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLException;
import org.switchboard.core.transport.netty.TlsContexts;
import org.switchboard.server.config.ClientCertificates;

/**
 * The TLS contexts of the SIP transport built from one {@link TlsMaterial}: the server side with
 * the client certificate policy, the client side presenting the same certificate. Immutable; a
 * reload builds a new one.
 */
final class SipTlsContexts implements TlsContexts {
    private final SslContext server;
    private final SslContext client;

    /**
     * @throws SSLException if the JDK refuses the key or certificates
     */
    SipTlsContexts(TlsMaterial material, ClientCertificates clientCertificates) throws SSLException {
        X509Certificate[] chain = material.chain().toArray(new X509Certificate[0]);
        X509Certificate[] cas = material.clientCas().toArray(new X509Certificate[0]);
        SslContextBuilder serverSide = SslContextBuilder.forServer(material.key(), chain)
                .sslProvider(SslProvider.JDK)
                .protocols(TlsPolicy.PROTOCOLS)
                .ciphers(TlsPolicy.CIPHER_SUITES, SupportedCipherSuiteFilter.INSTANCE)
                .clientAuth(switch (clientCertificates) {
                    case NONE -> ClientAuth.NONE;
                    case OPTIONAL -> ClientAuth.OPTIONAL;
                    case REQUIRE -> ClientAuth.REQUIRE;
                });
        if (clientCertificates != ClientCertificates.NONE) {
            serverSide.trustManager(cas);
        }
        this.server = serverSide.build();
        // our own connections verify the peer against the client CAs if given, else the JDK's CAs;
        // they are made to addresses, so the peer's name is not checked
        SslContextBuilder clientSide = SslContextBuilder.forClient()
                .sslProvider(SslProvider.JDK)
                .keyManager(material.key(), chain)
                .protocols(TlsPolicy.PROTOCOLS)
                .ciphers(TlsPolicy.CIPHER_SUITES, SupportedCipherSuiteFilter.INSTANCE);
        if (cas.length > 0) {
            clientSide.trustManager(cas);
        }
        this.client = clientSide.build();
    }

    @Override
    public SslContext server() {
        return server;
    }

    @Override
    public SslContext client() {
        return client;
    }
}
