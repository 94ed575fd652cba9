package org.switchboard.registrar;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.accounts.bruteforce.BruteForcePolicy;
import org.switchboard.accounts.bruteforce.Cidr;
import org.switchboard.accounts.digest.DigestAlgorithm;
import org.switchboard.registrar.register.ExpiryRules;

/**
 * The registrar's start-up settings. Immutable; build from {@link #defaults()} with the {@code
 * with...} methods.
 *
 * @param initialDomain the domain created at the first start, when the database has none (e.g. from
 *     a flag or environment variable of the server), or {@code null}
 * @param expiry minimum (423 below it), default and maximum registration time
 * @param maxBindingsPerAor the most contacts one address-of-record may register, bounding memory
 * @param bruteForce when sources are banned after failed authentications
 * @param trustedNetworks sources never banned, added to those of {@code bruteForce}
 * @param purgeInterval how often expired bindings are deleted
 * @param nonceValidity how long a digest nonce may be used before it is stale
 * @param databaseThreads threads (and pooled connections) of the blocking executor
 * @param blockingQueueCapacity REGISTERs waiting for those threads before 503 is answered
 * @param writerQueueCapacity binding changes waiting for the writer before 503 is answered
 * @param digestAlgorithms the digest algorithms challenged with, in order of preference
 */
public record RegistrarConfig(String initialDomain, ExpiryRules expiry, int maxBindingsPerAor,
        BruteForcePolicy bruteForce, List<Cidr> trustedNetworks, Duration purgeInterval, Duration nonceValidity,
        int databaseThreads, int blockingQueueCapacity, int writerQueueCapacity, List<DigestAlgorithm> digestAlgorithms) {

    public RegistrarConfig {
        trustedNetworks = List.copyOf(trustedNetworks);
        digestAlgorithms = List.copyOf(digestAlgorithms);
        if (digestAlgorithms.isEmpty()) {
            throw new IllegalArgumentException("At least one digest algorithm must be offered");
        }
        if (maxBindingsPerAor < 1 || databaseThreads < 1 || blockingQueueCapacity < 1 || writerQueueCapacity < 1) {
            throw new IllegalArgumentException("Registrar limits and thread counts must be at least 1");
        }
    }

    /**
     * No initial domain, {@link ExpiryRules#defaults()}, 10 contacts per address-of-record, the
     * default brute-force policy, purge every 30 s, nonces valid 5 minutes, 4 database threads with
     * 1000 waiting REGISTERs, 10000 queued binding changes, and MD5 digest challenges alone: baresip
     * 1.0 fails on any list of challenges that holds SHA-256, and SIPp 3.6 and sipvicious answer only
     * the first, so offering SHA-256 is the admin's choice ({@link #withDigestAlgorithms}).
     */
    public static RegistrarConfig defaults() {
        return new RegistrarConfig(null, ExpiryRules.defaults(), 10, BruteForcePolicy.defaults(), List.of(),
                Duration.ofSeconds(30), Duration.ofMinutes(5), 4, 1000, 10_000, List.of(DigestAlgorithm.MD5));
    }

    public RegistrarConfig withInitialDomain(String domain) {
        return new RegistrarConfig(domain, expiry, maxBindingsPerAor, bruteForce, trustedNetworks, purgeInterval,
                nonceValidity, databaseThreads, blockingQueueCapacity, writerQueueCapacity, digestAlgorithms);
    }

    public RegistrarConfig withExpiry(ExpiryRules rules) {
        return new RegistrarConfig(initialDomain, rules, maxBindingsPerAor, bruteForce, trustedNetworks, purgeInterval,
                nonceValidity, databaseThreads, blockingQueueCapacity, writerQueueCapacity, digestAlgorithms);
    }

    public RegistrarConfig withBruteForce(BruteForcePolicy policy) {
        return new RegistrarConfig(initialDomain, expiry, maxBindingsPerAor, policy, trustedNetworks, purgeInterval,
                nonceValidity, databaseThreads, blockingQueueCapacity, writerQueueCapacity, digestAlgorithms);
    }

    public RegistrarConfig withTrustedNetworks(List<Cidr> networks) {
        return new RegistrarConfig(initialDomain, expiry, maxBindingsPerAor, bruteForce, networks, purgeInterval,
                nonceValidity, databaseThreads, blockingQueueCapacity, writerQueueCapacity, digestAlgorithms);
    }

    public RegistrarConfig withDigestAlgorithms(List<DigestAlgorithm> algorithms) {
        return new RegistrarConfig(initialDomain, expiry, maxBindingsPerAor, bruteForce, trustedNetworks, purgeInterval,
                nonceValidity, databaseThreads, blockingQueueCapacity, writerQueueCapacity, algorithms);
    }

    public RegistrarConfig withPurgeInterval(Duration interval) {
        return new RegistrarConfig(initialDomain, expiry, maxBindingsPerAor, bruteForce, trustedNetworks, interval,
                nonceValidity, databaseThreads, blockingQueueCapacity, writerQueueCapacity, digestAlgorithms);
    }

    /** The brute-force policy with both lists of trusted networks. */
    BruteForcePolicy effectiveBruteForcePolicy() {
        List<Cidr> all = new ArrayList<>(bruteForce.trustedNetworks());
        all.addAll(trustedNetworks);
        return bruteForce.withTrustedNetworks(all);
    }
}
