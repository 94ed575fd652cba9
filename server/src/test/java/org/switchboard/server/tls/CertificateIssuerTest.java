package org.switchboard.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.security.KeyPair;
import java.security.SignatureException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CertificateIssuerTest {

    @Test
    void selfSignedCertificateCarriesItsNamesAndVerifiesWithItsOwnKey() throws Exception {
        KeyPair keys = CertificateIssuer.newRsaKeyPair();
        InetAddress address = InetAddress.getByName("192.0.2.10");
        X509Certificate cert = CertificateIssuer.selfSigned(new CertificateIssuer.Subject("pbx", List.of("localhost",
                "pbx.example.com"), List.of(address), false, Duration.ofDays(3650)), keys);

        cert.verify(keys.getPublic());
        cert.checkValidity();
        cert.checkValidity(Date.from(new Date().toInstant().plus(Duration.ofDays(3649))));
        assertThat(cert.getVersion()).isEqualTo(3);
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=pbx");
        assertThat(cert.getSubjectAlternativeNames()).containsExactlyInAnyOrder(List.of(2, "localhost"),
                List.of(2, "pbx.example.com"), List.of(7, "192.0.2.10"));
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(cert.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(cert.getKeyUsage()[2]).as("keyEncipherment").isTrue();
    }

    @Test
    void certificateIssuedByACaValidatesAgainstItAndNotAgainstAnother() throws Exception {
        TestPki ca = new TestPki("Test CA");
        TestPki.Identity phone = ca.issue("phone-201");
        assertThat(ca.certificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(phone.certificate().getIssuerX500Principal().getName()).isEqualTo("CN=Test CA");

        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(ca.certificate(), null)));
        params.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509")
                .generateCertPath(List.of(phone.certificate())), params);

        TestPki other = new TestPki("Other CA");
        assertThatThrownBy(() -> phone.certificate().verify(other.certificate().getPublicKey()))
                .isInstanceOf(SignatureException.class);
    }

    @Test
    void longNamesAndManyAddressesEncodeWithMultiByteLengths() throws Exception {
        KeyPair keys = CertificateIssuer.newRsaKeyPair();
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            names.add("host-" + i + ".a-rather-long-subdomain.example.com");
        }
        X509Certificate cert = CertificateIssuer.selfSigned(new CertificateIssuer.Subject("x".repeat(60), names,
                List.of(InetAddress.getByName("2001:db8::1")), false, Duration.ofDays(1)), keys);

        cert.verify(keys.getPublic());
        assertThat(cert.getSubjectAlternativeNames()).hasSize(41);
    }
}
