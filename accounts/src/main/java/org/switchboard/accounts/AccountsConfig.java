package org.switchboard.accounts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.accounts.bruteforce.BruteForcePolicy;
import org.switchboard.accounts.bruteforce.Cidr;
import org.switchboard.accounts.digest.DigestAlgorithm;

/**
 * The accounts' start-up settings. Immutable; build from {@link #defaults()} with the {@code
 * with...} methods.
 *
 * @param initialDomain the domain created at the first start, when the store has none (e.g. from a
 *     flag or environment variable of the server), or {@code null}
 * @param bruteForce when sources are banned after failed authentications
 * @param trustedNetworks sources never banned, added to those of {@code bruteForce}
 * @param nonceValidity how long a digest nonce may be used before it is stale
 * @param digestAlgorithms the digest algorithms challenged with, in order of preference
 */
public record AccountsConfig(String initialDomain, BruteForcePolicy bruteForce, List<Cidr> trustedNetworks,
        Duration nonceValidity, List<DigestAlgorithm> digestAlgorithms) {

    public AccountsConfig {
        trustedNetworks = List.copyOf(trustedNetworks);
        digestAlgorithms = List.copyOf(digestAlgorithms);
        if (digestAlgorithms.isEmpty()) {
            throw new IllegalArgumentException("At least one digest algorithm must be offered");
        }
    }

    /**
     * No initial domain, the default brute-force policy, nonces valid 5 minutes, and MD5 digest
     * challenges alone: baresip 1.0 fails on any list of challenges that holds SHA-256, and SIPp 3.6
     * and sipvicious answer only the first, so offering SHA-256 is the admin's choice ({@link
     * #withDigestAlgorithms}).
     */
    public static AccountsConfig defaults() {
        return new AccountsConfig(null, BruteForcePolicy.defaults(), List.of(), Duration.ofMinutes(5),
                List.of(DigestAlgorithm.MD5));
    }

    public AccountsConfig withInitialDomain(String domain) {
        return new AccountsConfig(domain, bruteForce, trustedNetworks, nonceValidity, digestAlgorithms);
    }

    public AccountsConfig withBruteForce(BruteForcePolicy policy) {
        return new AccountsConfig(initialDomain, policy, trustedNetworks, nonceValidity, digestAlgorithms);
    }

    public AccountsConfig withTrustedNetworks(List<Cidr> networks) {
        return new AccountsConfig(initialDomain, bruteForce, networks, nonceValidity, digestAlgorithms);
    }

    public AccountsConfig withDigestAlgorithms(List<DigestAlgorithm> algorithms) {
        return new AccountsConfig(initialDomain, bruteForce, trustedNetworks, nonceValidity, algorithms);
    }

    /** The brute-force policy with both lists of trusted networks. */
    BruteForcePolicy effectiveBruteForcePolicy() {
        List<Cidr> all = new ArrayList<>(bruteForce.trustedNetworks());
        all.addAll(trustedNetworks);
        return bruteForce.withTrustedNetworks(all);
    }
}
