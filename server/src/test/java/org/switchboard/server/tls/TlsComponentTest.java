package org.switchboard.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.accounts.digest.DigestAlgorithm;
import org.switchboard.core.transport.Transport;
import org.switchboard.server.config.ClientCertificates;
import org.switchboard.server.config.BackupSettings;
import org.switchboard.server.config.GuardSettings;
import org.switchboard.server.config.HttpSettings;
import org.switchboard.server.config.LogLevel;
import org.switchboard.server.config.PnpSettings;
import org.switchboard.server.config.ServerConfig;
import org.switchboard.server.config.TlsSettings;
import org.switchboard.store.DatabaseSettings;

class TlsComponentTest {
    @TempDir
    Path dir;

    private ServerConfig config(TlsSettings tls) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        return new ServerConfig(5060, List.of(loopback), EnumSet.of(Transport.UDP, Transport.TLS), dir, LogLevel.INFO,
                null, List.of(DigestAlgorithm.MD5), new HttpSettings(HttpSettings.DISABLED, loopback, Optional.empty()),
                new PnpSettings(false, false, List.of(), PnpSettings.DEFAULT_MULTICAST_PORT),
                GuardSettings.defaults(), DatabaseSettings.EMBEDDED, List.of(),
                java.time.Duration.ZERO, BackupSettings.OFF, tls);
    }

    /** Moves a file's modification time on, as a replacement a second later would. */
    private static void touch(Path file, int seconds) throws Exception {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(seconds)));
    }

    @Test
    void replacedCertificateIsUsedFromTheNextReloadAndUnchangedFilesAreNotReadAgain() throws Exception {
        TestPki ca = new TestPki("Office CA");
        Path cert = dir.resolve("pbx.crt");
        Path key = dir.resolve("pbx.key");
        TestPki.Identity first = ca.issue("pbx").writeTo(cert, key);
        TlsComponent tls = new TlsComponent(config(new TlsSettings(5061, Optional.of(cert), Optional.of(key), List.of(),
                ClientCertificates.NONE, 0)));
        tls.start();
        try {
            assertThat(tls.material().fingerprint()).isEqualTo(TlsMaterial.fingerprint(first.certificate()));
            assertThat(tls.reloadIfChanged()).as("nothing changed").isFalse();

            TestPki.Identity second = ca.issue("pbx").writeTo(cert, key);
            touch(cert, 2);
            touch(key, 2);

            assertThat(tls.reloadIfChanged()).isTrue();
            assertThat(tls.material().fingerprint()).isEqualTo(TlsMaterial.fingerprint(second.certificate()));
            assertThat(tls.sipContexts().server()).isNotNull();
        } finally {
            tls.stop();
        }
    }

    @Test
    void aBrokenReplacementIsReportedOnceAndTheOldCertificateStays() throws Exception {
        TlsComponent tls = new TlsComponent(config(TlsSettings.DEFAULTS));
        tls.start();
        try {
            String generated = tls.material().fingerprint();
            var before = tls.sipContexts().server();
            Path cert = dir.resolve("tls/cert.pem");
            Files.writeString(cert, "-----BEGIN CERTIFICATE-----\nbroken\n-----END CERTIFICATE-----\n",
                    StandardCharsets.US_ASCII);
            touch(cert, 2);

            assertThat(tls.reloadIfChanged()).isFalse();
            assertThat(tls.material().fingerprint()).isEqualTo(generated);
            assertThat(tls.sipContexts().server()).isSameAs(before);
            assertThat(tls.reloadIfChanged()).as("the same broken file is not read again").isFalse();
        } finally {
            tls.stop();
        }
    }
}
