package org.switchboard.dialplan.features;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.switchboard.dialplan.target.Targets;

/**
 * One follow-me target: where, and how many seconds after the call began it starts ringing (the
 * ones before it stop then, as the proxy rings groups one after another). Immutable.
 */
public record FollowMeStep(String target, Duration delay) {

    public FollowMeStep {
        Objects.requireNonNull(target, "target");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("A follow-me delay cannot be negative: " + delay);
        }
    }

    /**
     * Parses {@code TARGET after SECONDS, ...} (e.g. {@code 01711234567 after 15, sip:home@example.net
     * after 40}), ordered by delay.
     *
     * @throws IllegalArgumentException naming the entry that is not of that form
     */
    public static List<FollowMeStep> parseList(String text) {
        List<FollowMeStep> steps = new ArrayList<>();
        for (String entry : text.split(",")) {
            String trimmed = entry.trim();
            int after = trimmed.toLowerCase(Locale.ROOT).lastIndexOf(" after ");
            if (after <= 0) {
                throw new IllegalArgumentException("follow-me entry '" + trimmed + "' is not 'TARGET after SECONDS'");
            }
            String target = trimmed.substring(0, after).trim();
            int seconds;
            try {
                seconds = Integer.parseInt(trimmed.substring(after + " after ".length()).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("follow-me entry '" + trimmed + "': the seconds are not a number");
            }
            if (seconds < 0 || seconds > 3600) {
                throw new IllegalArgumentException("follow-me entry '" + trimmed + "': seconds must be 0-3600");
            }
            Targets.check(target);
            steps.add(new FollowMeStep(target, Duration.ofSeconds(seconds)));
        }
        steps.sort(Comparator.comparing(FollowMeStep::delay));
        return List.copyOf(steps);
    }

    @Override
    public String toString() {
        return target + " after " + delay.toSeconds();
    }
}
