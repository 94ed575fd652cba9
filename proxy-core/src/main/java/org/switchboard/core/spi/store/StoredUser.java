package org.switchboard.core.spi.store;

import java.util.Objects;

/**
 * A user as the {@link UserStore} keeps it: the public fields, the encrypted password and the digest
 * HA1 values. Immutable.
 *
 * @param encryptedPassword the password vault's ciphertext, Base64
 * @param ha1Md5 MD5 HA1 with realm = domain, lower-case hex
 * @param ha1Sha256 SHA-256 HA1 with realm = domain, lower-case hex
 */
public record StoredUser(User user, String encryptedPassword, String ha1Md5, String ha1Sha256) {

    public StoredUser {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(encryptedPassword, "encryptedPassword");
        Objects.requireNonNull(ha1Md5, "ha1Md5");
        Objects.requireNonNull(ha1Sha256, "ha1Sha256");
    }
}
