package org.switchboard.server.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Issues X.509 v3 certificates (RFC 5280) with the JDK alone: a self-signed server certificate for
 * a first start without one, and in tests a CA and the certificates it signs. The JDK has keys and
 * signatures but no public API to build a certificate; the structure is small enough to encode
 * here (see {@link Der}) rather than add a library for it. Stateless and thread-safe.
 */
public final class CertificateIssuer {
    private static final String RSA_SHA256 = "1.2.840.113549.1.1.11";
    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    /** UTCTime up to 2049, GeneralizedTime from 2050 (RFC 5280 §4.1.2.5). */
    private static final Instant GENERALIZED_FROM = Instant.parse("2050-01-01T00:00:00Z");
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int RSA_BITS = 2048;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * What a certificate says about its subject.
     *
     * @param commonName the subject's CN
     * @param dnsNames subject alternative names (DNS), which TLS clients match the host against
     * @param addresses subject alternative names (IP addresses)
     * @param ca whether it may sign certificates (a CA), else it is a server and client certificate
     * @param validity how long from now (less an hour for clocks behind) it is valid
     */
    public record Subject(String commonName, List<String> dnsNames, List<InetAddress> addresses, boolean ca,
            Duration validity) {
        public Subject {
            dnsNames = List.copyOf(dnsNames);
            addresses = List.copyOf(addresses);
        }
    }

    private CertificateIssuer() {
    }

    /** A new 2048-bit RSA key pair: the key every SIP phone and browser takes. */
    public static KeyPair newRsaKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(RSA_BITS, RANDOM);
        return generator.generateKeyPair();
    }

    /** A certificate for {@code subject}'s key pair signed by that same key. */
    public static X509Certificate selfSigned(Subject subject, KeyPair keys) throws GeneralSecurityException {
        return issue(subject, keys.getPublic(), subject.commonName(), keys.getPrivate());
    }

    /**
     * A certificate for {@code subjectKey}, signed by {@code issuerKey} in the name of {@code issuerName}.
     *
     * @throws GeneralSecurityException if the issuer's key cannot sign with SHA-256 (RSA or EC)
     */
    public static X509Certificate issue(Subject subject, PublicKey subjectKey, String issuerName, PrivateKey issuerKey)
            throws GeneralSecurityException {
        String signatureOid = switch (issuerKey.getAlgorithm()) {
            case "RSA" -> RSA_SHA256;
            case "EC" -> ECDSA_SHA256;
            default -> throw new GeneralSecurityException("Cannot sign certificates with a "
                    + issuerKey.getAlgorithm() + " key");
        };
        byte[] algorithm = signatureOid.equals(RSA_SHA256)
                ? Der.sequence(Der.oid(signatureOid), Der.tlv(Der.NULL))
                : Der.sequence(Der.oid(signatureOid));
        Instant now = Instant.now();
        byte[] tbs = Der.sequence(
                Der.explicit(0, Der.integer(BigInteger.TWO)), // version 3
                Der.integer(new BigInteger(127, RANDOM).add(BigInteger.ONE)), // positive, at most 20 octets
                algorithm,
                name(issuerName),
                Der.sequence(time(now.minus(Duration.ofHours(1))), time(now.plus(subject.validity()))),
                name(subject.commonName()),
                subjectKey.getEncoded(), // SubjectPublicKeyInfo, already DER
                Der.explicit(3, Der.sequence(extensions(subject))));
        Signature signer = Signature.getInstance(signatureOid.equals(RSA_SHA256) ? "SHA256withRSA" : "SHA256withECDSA");
        signer.initSign(issuerKey);
        signer.update(tbs);
        byte[] certificate = Der.sequence(tbs, algorithm, Der.bitString(signer.sign()));
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificate));
    }

    private static byte[][] extensions(Subject subject) {
        byte[] basic = subject.ca() ? Der.sequence(Der.tlv(Der.BOOLEAN, new byte[] {(byte) 0xFF})) : Der.sequence();
        // keyCertSign and cRLSign for a CA; digitalSignature and keyEncipherment otherwise (RFC 5280 §4.2.1.3)
        byte[] usage = subject.ca() ? Der.tlv(Der.BIT_STRING, new byte[] {1, 0x06})
                : Der.tlv(Der.BIT_STRING, new byte[] {5, (byte) 0xA0});
        if (subject.ca()) {
            return new byte[][] {extension(BASIC_CONSTRAINTS, true, basic), extension(KEY_USAGE, true, usage)};
        }
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        for (String dns : subject.dnsNames()) {
            names.writeBytes(Der.implicit(2, dns.getBytes(StandardCharsets.US_ASCII)));
        }
        for (InetAddress address : subject.addresses()) {
            names.writeBytes(Der.implicit(7, address.getAddress()));
        }
        byte[] extendedUsage = Der.sequence(Der.oid(SERVER_AUTH), Der.oid(CLIENT_AUTH));
        return new byte[][] {extension(BASIC_CONSTRAINTS, true, basic), extension(KEY_USAGE, true, usage),
                extension(EXTENDED_KEY_USAGE, false, extendedUsage),
                extension(SUBJECT_ALT_NAME, false, Der.sequence(names.toByteArray()))};
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical
                ? Der.sequence(Der.oid(oid), Der.tlv(Der.BOOLEAN, new byte[] {(byte) 0xFF}), Der.tlv(Der.OCTET_STRING, value))
                : Der.sequence(Der.oid(oid), Der.tlv(Der.OCTET_STRING, value));
    }

    private static byte[] name(String commonName) {
        return Der.sequence(Der.tlv(Der.SET, Der.sequence(Der.oid(COMMON_NAME), Der.utf8(commonName))));
    }

    private static byte[] time(Instant instant) {
        Instant second = instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return second.isBefore(GENERALIZED_FROM)
                ? Der.tlv(Der.UTC_TIME, UTC_TIME.format(second).getBytes(StandardCharsets.US_ASCII))
                : Der.tlv(Der.GENERALIZED_TIME, GENERALIZED_TIME.format(second).getBytes(StandardCharsets.US_ASCII));
    }
}
