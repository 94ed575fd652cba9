package org.switchboard.server.tls;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;

/**
 * A TLS ClientHello of a given version written byte by byte (RFC 5246 §7.4.1.2), so that a test can
 * offer a version the JDK's own client refuses to speak (TLS 1.1).
 */
final class ClientHellos {
    private ClientHellos() {
    }

    /** A ClientHello of {@code version} (0x0302 for TLS 1.1, 0x0303 for 1.2) offering ECDHE-RSA suites. */
    static byte[] of(int version) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        short16(body, version);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        body.writeBytes(random);
        body.write(0); // no session id
        int[] suites = {0xC02F, 0xC030, 0xC013, 0xC014, 0x002F}; // ECDHE-RSA GCM, ECDHE-RSA CBC, RSA CBC
        short16(body, suites.length * 2);
        for (int suite : suites) {
            short16(body, suite);
        }
        body.write(1); // one compression method: null
        body.write(0);
        ByteArrayOutputStream extensions = new ByteArrayOutputStream();
        extension(extensions, 0x000A, new byte[] {0, 4, 0, 0x17, 0, 0x1D}); // supported_groups: secp256r1, x25519
        extension(extensions, 0x000B, new byte[] {1, 0}); // ec_point_formats: uncompressed
        extension(extensions, 0x000D, new byte[] {0, 4, 0x04, 0x01, 0x08, 0x04}); // rsa_pkcs1_sha256, rsa_pss_rsae_sha256
        short16(body, extensions.size());
        body.writeBytes(extensions.toByteArray());

        ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        handshake.write(1); // client_hello
        handshake.write(body.size() >>> 16);
        short16(handshake, body.size() & 0xFFFF);
        handshake.writeBytes(body.toByteArray());

        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write(22); // handshake
        short16(record, 0x0301);
        short16(record, handshake.size());
        record.writeBytes(handshake.toByteArray());
        return record.toByteArray();
    }

    private static void extension(ByteArrayOutputStream out, int type, byte[] data) {
        short16(out, type);
        short16(out, data.length);
        out.writeBytes(data);
    }

    private static void short16(ByteArrayOutputStream out, int value) {
        out.write(value >>> 8);
        out.write(value & 0xFF);
    }
}
