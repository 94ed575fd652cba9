package org.switchboard.store.calls;

import static org.switchboard.core.spi.settings.Applies.When.LIVE;

import java.time.Duration;
import org.switchboard.core.spi.settings.Applies;
import org.switchboard.core.spi.settings.Section;

/**
 * The call records' live settings section ({@code calls}). Read at each pruning, so a change applies
 * at the next one. Immutable.
 *
 * @param retentionDays how many days records are kept, from the start of the call; at least 1
 *     (default 90)
 */
public record CallRecordPolicy(@Applies(LIVE) int retentionDays) {

    /** The section, with the default above. */
    public static final Section<CallRecordPolicy> SECTION = Section.of("calls", CallRecordPolicy.class,
            new CallRecordPolicy(90));

    /** Checks the value, naming the setting. */
    public CallRecordPolicy {
        if (retentionDays < 1) {
            throw new IllegalArgumentException("retentionDays: call records must be kept at least one day, not "
                    + retentionDays);
        }
    }

    /** {@link #retentionDays()} as a duration. */
    public Duration retention() {
        return Duration.ofDays(retentionDays);
    }
}
