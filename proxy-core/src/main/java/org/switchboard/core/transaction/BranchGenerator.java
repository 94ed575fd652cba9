package org.switchboard.core.transaction;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.switchboard.core.message.Via;

/**
 * Makes Via branch parameters for new client transactions (RFC 3261 §8.1.1.7): the magic cookie
 * {@code z9hG4bK} followed by 96 random bits, so branches are unique in space and time and cannot
 * be guessed by a third party.
 *
 * <p>Thread-safe.
 */
public final class BranchGenerator {
    private static final int RANDOM_BYTES = 12;

    private final SecureRandom random = new SecureRandom();

    /** A new branch, e.g. {@code z9hG4bK5a0c...}. */
    public String newBranch() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return Via.MAGIC_COOKIE + HexFormat.of().formatHex(bytes);
    }
}
