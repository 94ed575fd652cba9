package org.switchboard.registrar;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.switchboard.core.spi.reach.ReachPolicy;
import org.switchboard.registrar.register.ExpiryRules;

/**
 * The registrar's start-up settings. Immutable; build from {@link #defaults()} with the {@code
 * with...} methods.
 *
 * @param expiry minimum (423 below it), default and maximum registration time
 * @param maxBindingsPerAor the most contacts one address-of-record may register, bounding memory
 * @param purgeInterval how often expired bindings are deleted
 * @param writerQueueCapacity binding changes waiting for the writer before 503 is answered
 * @param persistence how bindings are kept beyond memory
 * @param journalDir the journal's directory for {@link Persistence#JOURNAL}, else {@code null}
 * @param reach decides for each registered contact whether it is reached over its REGISTER's flow
 */
public record RegistrarConfig(ExpiryRules expiry, int maxBindingsPerAor, Duration purgeInterval,
        int writerQueueCapacity, Persistence persistence, Path journalDir, ReachPolicy reach) {

    public RegistrarConfig {
        Objects.requireNonNull(reach, "reach");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(purgeInterval, "purgeInterval");
        Objects.requireNonNull(persistence, "persistence");
        if (maxBindingsPerAor < 1 || writerQueueCapacity < 1) {
            throw new IllegalArgumentException("Registrar limits must be at least 1");
        }
        if ((persistence == Persistence.JOURNAL) != (journalDir != null)) {
            throw new IllegalArgumentException(
                    "A journal directory goes with the JOURNAL persistence, and only with it");
        }
    }

    /**
     * {@link ExpiryRules#defaults()}, 10 contacts per address-of-record, purge every 30 s, 10000
     * queued binding changes, {@link Persistence#WRITE_THROUGH}, and contacts reached as {@link
     * ReachPolicy#STANDARD} says.
     */
    public static RegistrarConfig defaults() {
        return new RegistrarConfig(ExpiryRules.defaults(), 10, Duration.ofSeconds(30), 10_000,
                Persistence.WRITE_THROUGH, null, ReachPolicy.STANDARD);
    }

    public RegistrarConfig withReach(ReachPolicy policy) {
        return new RegistrarConfig(expiry, maxBindingsPerAor, purgeInterval, writerQueueCapacity, persistence,
                journalDir, policy);
    }

    public RegistrarConfig withExpiry(ExpiryRules rules) {
        return new RegistrarConfig(rules, maxBindingsPerAor, purgeInterval, writerQueueCapacity, persistence,
                journalDir, reach);
    }

    public RegistrarConfig withPurgeInterval(Duration interval) {
        return new RegistrarConfig(expiry, maxBindingsPerAor, interval, writerQueueCapacity, persistence,
                journalDir, reach);
    }

    /** {@link Persistence#MEMORY} or {@link Persistence#WRITE_THROUGH}; see {@link #withJournal} for the third. */
    public RegistrarConfig withPersistence(Persistence mode) {
        return new RegistrarConfig(expiry, maxBindingsPerAor, purgeInterval, writerQueueCapacity, mode, null, reach);
    }

    /** {@link Persistence#JOURNAL} with its journal in {@code dir}. */
    public RegistrarConfig withJournal(Path dir) {
        return new RegistrarConfig(expiry, maxBindingsPerAor, purgeInterval, writerQueueCapacity, Persistence.JOURNAL,
                dir, reach);
    }
}
