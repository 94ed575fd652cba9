package org.switchboard.accounts.directory;

import java.security.SecureRandom;

/**
 * Random SIP passwords from a {@link SecureRandom}: letters and digits without look-alikes (no
 * {@code 0 O 1 l I}), so an admin can read one aloud or type it into a phone. 16 characters of 57
 * symbols give about 93 bits. Thread-safe; does not block.
 */
public final class PasswordGenerator {
    private static final String ALPHABET = "23456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int LENGTH = 16;

    private final SecureRandom random = new SecureRandom();

    public String generate() {
        char[] password = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            password[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(password);
    }
}
