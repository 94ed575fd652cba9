package org.switchboard.server.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.transport.netty.TlsContexts;
import org.switchboard.server.config.ClientCertificates;
import org.switchboard.server.config.ServerConfig;
import org.switchboard.server.lifecycle.Lifecycle;

/**
 * The server's certificate as a part of the server: at start it generates the self-signed one if
 * needed, reads the certificate, key and client CAs, and logs the certificate's fingerprint; then it
 * checks the files every {@link #POLL_INTERVAL} on a thread of its own and, when one changed, reads
 * them again: new SIP over TLS and HTTPS handshakes use the new certificate, open connections keep
 * the old one. A changed file that cannot be used is logged and the old certificate stays.
 *
 * <p>{@link #sipContexts()} is thread-safe and never blocks; {@link #httpsContextFactory()} is for
 * the HTTP server, configured before it starts.
 */
public final class TlsComponent implements Lifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(TlsComponent.class);
    /** How often the files are checked: a replaced certificate is in use within this. */
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(10);
    private static final String KEY_STORE_PASSWORD = "switchboard";

    private final TlsCredentials credentials;
    private final ClientCertificates clientCertificates;
    private final String domain;
    private final SslContextFactory.Server https = new SslContextFactory.Server();
    private volatile SipTlsContexts current;
    private volatile TlsMaterial material;
    private List<FileStamp> stamps = List.of();
    private ScheduledExecutorService poller;

    /** A file's modification time and size, which a replacement changes. */
    private record FileStamp(Path file, long modified, long size) {
        static FileStamp of(Path file) {
            try {
                return new FileStamp(file, Files.getLastModifiedTime(file).toMillis(), Files.size(file));
            } catch (NoSuchFileException e) {
                return new FileStamp(file, -1, -1);
            } catch (IOException e) {
                return new FileStamp(file, -2, -2);
            }
        }
    }

    public TlsComponent(ServerConfig config) {
        this.credentials = new TlsCredentials(config.tls(), config.dataDir());
        this.clientCertificates = config.tls().clientCertificates();
        this.domain = config.domain();
        https.setIncludeProtocols(TlsPolicy.PROTOCOLS.toArray(new String[0]));
        https.setIncludeCipherSuites(TlsPolicy.CIPHER_SUITES.toArray(new String[0]));
        https.setKeyStorePassword(KEY_STORE_PASSWORD);
        https.setKeyManagerPassword(KEY_STORE_PASSWORD);
        https.setSniRequired(false);
    }

    @Override
    public String name() {
        return "TLS certificate";
    }

    @Override
    public void start() throws Exception {
        credentials.generateIfMissing(domain);
        List<FileStamp> before = stampFiles();
        TlsMaterial read;
        try {
            read = credentials.read();
            current = new SipTlsContexts(read, clientCertificates);
            https.setKeyStore(keyStore(read));
        } catch (IOException | GeneralSecurityException e) {
            throw new IOException("Cannot use the TLS certificate: " + e.getMessage(), e);
        }
        material = read;
        stamps = before;
        LOG.info("TLS certificate from {}: {}, valid until {}, SHA-256 fingerprint {}{}", read.source(),
                read.certificate().getSubjectX500Principal().getName(), read.certificate().getNotAfter().toInstant(),
                read.fingerprint(), read.clientCas().isEmpty() ? ""
                        : "; client certificates " + clientCertificates.name().toLowerCase() + ", " + read.clientCas().size()
                                + " CA certificates");
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tls-reload");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::reloadQuietly, POLL_INTERVAL.toMillis(), POLL_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void reloadQuietly() {
        try {
            reloadIfChanged();
        } catch (RuntimeException e) {
            LOG.warn("Checking the TLS certificate files failed; trying again in {} s: {}", POLL_INTERVAL.toSeconds(),
                    e.toString());
        }
    }

    /**
     * Reads the files again if one changed since they were last read, and uses them for new
     * handshakes. Blocks on the files; called by the poller, and by tests.
     *
     * @return whether a new certificate is in use
     */
    public synchronized boolean reloadIfChanged() {
        List<FileStamp> now = stampFiles();
        if (now.equals(stamps)) {
            return false;
        }
        stamps = now; // a broken file is reported once, not every poll, until it changes again
        try {
            TlsMaterial read = credentials.read();
            SipTlsContexts contexts = new SipTlsContexts(read, clientCertificates);
            KeyStore store = keyStore(read);
            https.reload(factory -> factory.setKeyStore(store));
            current = contexts;
            TlsMaterial old = material;
            material = read;
            LOG.info("TLS certificate reloaded from {}: {}, valid until {}, SHA-256 fingerprint {} (was {}); new "
                    + "handshakes use it", read.source(), read.certificate().getSubjectX500Principal().getName(),
                    read.certificate().getNotAfter().toInstant(), read.fingerprint(), old.fingerprint());
            return true;
        } catch (Exception e) {
            LOG.warn("TLS certificate files changed but cannot be used; keeping the certificate with fingerprint {}: {}",
                    material.fingerprint(), e.getMessage());
            return false;
        }
    }

    private List<FileStamp> stampFiles() {
        List<FileStamp> list = new ArrayList<>();
        for (Path file : credentials.files()) {
            list.add(FileStamp.of(file));
        }
        return List.copyOf(list);
    }

    private static KeyStore keyStore(TlsMaterial read) throws GeneralSecurityException {
        return read.keyStore(KEY_STORE_PASSWORD.toCharArray());
    }

    /** The SIP transport's contexts: always those of the certificate in use now. */
    public TlsContexts sipContexts() {
        return new TlsContexts() {
            @Override
            public io.netty.handler.ssl.SslContext server() {
                return Objects.requireNonNull(current, "TLS not started").server();
            }

            @Override
            public io.netty.handler.ssl.SslContext client() {
                return Objects.requireNonNull(current, "TLS not started").client();
            }
        };
    }

    /** The certificate in use now, once started. */
    public TlsMaterial material() {
        return material;
    }

    /** The HTTPS connector's context factory; its key store is set at start and replaced on reload. */
    public SslContextFactory.Server httpsContextFactory() {
        return https;
    }

    @Override
    public void stop() {
        poller.shutdownNow();
    }
}
