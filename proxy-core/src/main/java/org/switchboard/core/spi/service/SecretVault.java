package org.switchboard.core.spi.service;

/**
 * Encrypts secrets that must be readable again (SIP passwords, a phone's web admin password) for
 * keeping in the store, bound to a context so a ciphertext does not decrypt as another record's.
 * Implemented by the accounts module's password vault; wired in by the server.
 *
 * <p>Threading: thread-safe; CPU work only.
 */
public interface SecretVault {

    /** The ciphertext of {@code secret} bound to {@code context}. */
    String encrypt(String secret, String context);

    /**
     * The secret sealed by {@link #encrypt} with the same {@code context}.
     *
     * @throws IllegalArgumentException if it was sealed with another key or context, or altered
     */
    String decrypt(String sealed, String context);
}
