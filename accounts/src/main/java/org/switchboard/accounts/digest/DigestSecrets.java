package org.switchboard.accounts.digest;

import java.util.Objects;

/**
 * The digest HA1 values of one user for their realm, one per {@link DigestAlgorithm}, lower-case hex.
 * Immutable.
 *
 * @param enabled whether the user may authenticate at all
 */
public record DigestSecrets(String ha1Md5, String ha1Sha256, boolean enabled) {

    public DigestSecrets {
        Objects.requireNonNull(ha1Md5, "ha1Md5");
        Objects.requireNonNull(ha1Sha256, "ha1Sha256");
    }

    /** Computes both HA1 values from a clear-text password (RFC 7616 §3.4.2). */
    public static DigestSecrets compute(String username, String realm, String password, boolean enabled) {
        return new DigestSecrets(DigestAlgorithm.MD5.ha1(username, realm, password),
                DigestAlgorithm.SHA_256.ha1(username, realm, password), enabled);
    }

    public String ha1(DigestAlgorithm algorithm) {
        return switch (algorithm) {
            case MD5 -> ha1Md5;
            case SHA_256 -> ha1Sha256;
        };
    }
}
