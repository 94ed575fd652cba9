package org.switchboard.webadmin.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The JSON API's bearer tokens: {@code sbt_} and 256 random bits; stored only as their SHA-256
 * (a token is as random as a key, so a plain hash suffices: there is nothing to guess from it).
 */
public final class ApiTokens {
    private static final String PREFIX = "sbt_";

    private ApiTokens() {
    }

    /** A new token, to be shown once. */
    public static String create() {
        return PREFIX + RandomTokens.next();
    }

    /** The token's SHA-256 in lower-case hex, as stored. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
