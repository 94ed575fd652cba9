package org.switchboard.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.server.config.ClientCertificates;
import org.switchboard.server.config.HttpSettings;
import org.switchboard.server.config.TlsSettings;

class TlsCredentialsTest {
    @TempDir
    Path dir;

    private static TlsSettings files(Path cert, Path key, List<Path> cas) {
        return new TlsSettings(TlsSettings.DEFAULT_SIP_PORT, Optional.of(cert), Optional.of(key), cas,
                cas.isEmpty() ? ClientCertificates.NONE : ClientCertificates.REQUIRE, HttpSettings.DISABLED);
    }

    @Test
    void generatesAPrivateSelfSignedCertificateOnceAndKeepsItAfterwards() throws Exception {
        TlsCredentials credentials = new TlsCredentials(TlsSettings.DEFAULTS, dir);
        credentials.generateIfMissing("pbx.example.com");

        Path key = dir.resolve("tls/key.pem");
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(dir.resolve("tls"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        TlsMaterial first = credentials.read();
        assertThat(first.certificate().getSubjectAlternativeNames()).contains(List.of(2, "localhost"),
                List.of(2, "pbx.example.com"));
        assertThat(first.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");

        new TlsCredentials(TlsSettings.DEFAULTS, dir).generateIfMissing(null);
        assertThat(new TlsCredentials(TlsSettings.DEFAULTS, dir).read().fingerprint()).isEqualTo(first.fingerprint());
    }

    @Test
    void readsAConfiguredChainKeyAndClientCasWithoutGeneratingAnything() throws Exception {
        TestPki ca = new TestPki("Office CA");
        TestPki.Identity server = ca.issue("pbx").writeTo(dir.resolve("pbx.crt"), dir.resolve("pbx.key"));
        Path caFile = ca.writeCertificate(dir.resolve("ca.pem"));
        TlsCredentials credentials = new TlsCredentials(files(dir.resolve("pbx.crt"), dir.resolve("pbx.key"),
                List.of(caFile)), dir);

        credentials.generateIfMissing(null);
        TlsMaterial material = credentials.read();

        assertThat(dir.resolve("tls")).doesNotExist();
        assertThat(material.chain()).containsExactlyElementsOf(server.chain());
        assertThat(material.clientCas()).containsExactly(ca.certificate());
        assertThat(material.fingerprint()).isEqualTo(TlsMaterial.fingerprint(server.certificate()));
        assertThat(credentials.files()).containsExactly(dir.resolve("pbx.crt"), dir.resolve("pbx.key"), caFile);
    }

    @Test
    void refusesAKeyThatIsNotTheCertificatesOwn() throws Exception {
        TestPki ca = new TestPki("Office CA");
        ca.issue("pbx").writeTo(dir.resolve("pbx.crt"), dir.resolve("pbx.key"));
        ca.issue("other").writeTo(dir.resolve("other.crt"), dir.resolve("other.key"));

        assertThatThrownBy(() -> new TlsCredentials(files(dir.resolve("pbx.crt"), dir.resolve("other.key"), List.of()),
                dir).read()).isInstanceOf(IOException.class)
                .hasMessageContaining("other.key is not the key of the certificate in").hasMessageContaining("pbx.crt");
    }

    @Test
    void refusesAnOpenSslTraditionalKeyNamingTheCommandThatConvertsIt() throws Exception {
        new TestPki("Office CA").issue("pbx").writeTo(dir.resolve("pbx.crt"), dir.resolve("unused.key"));
        Files.writeString(dir.resolve("rsa.key"), "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n",
                StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> new TlsCredentials(files(dir.resolve("pbx.crt"), dir.resolve("rsa.key"), List.of()),
                dir).read()).isInstanceOf(IOException.class)
                .hasMessageContaining("RSA PRIVATE KEY")
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt -in rsa.key -out key.pem");
    }

    @Test
    void refusesAFileWithoutACertificateNamingIt() throws Exception {
        Files.writeString(dir.resolve("empty.pem"), "nothing here\n", StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> Pem.readCertificates(dir.resolve("empty.pem"))).isInstanceOf(IOException.class)
                .hasMessageContaining("empty.pem");
    }

    @Test
    void settingsRefuseACertificateWithoutKeyAndClientCertificatesWithoutCa() {
        assertThatThrownBy(() -> new TlsSettings(5061, Optional.of(dir.resolve("a.crt")), Optional.empty(), List.of(),
                ClientCertificates.NONE, 0)).hasMessageContaining("--tls-cert is given without --tls-key");
        assertThatThrownBy(() -> new TlsSettings(5061, Optional.empty(), Optional.empty(), List.of(),
                ClientCertificates.REQUIRE, 0)).hasMessageContaining("--tls-client-auth require needs --tls-client-ca");
    }
}
