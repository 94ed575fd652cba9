package org.switchboard.dialplan.features;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.switchboard.dialplan.target.Targets;

/**
 * What a user's features do with a call to them, before any target is looked up: send it elsewhere
 * at once (unconditional forwarding; do-not-disturb to voicemail), refuse it (do-not-disturb without
 * voicemail), or ring in stages (the phones, then each follow-me target) with where to go on busy
 * and on no answer. Targets are as written ({@link Targets}), voicemail already expanded. Immutable.
 */
public record Treatment(Kind kind, String target, List<Stage> stages, String onBusy, String onNoAnswer) {
    /** How long the phones ring before a no-answer target or voicemail takes the call, when the user set no time. */
    public static final Duration DEFAULT_NO_ANSWER = Duration.ofSeconds(20);

    /** The three things features can do with a call. */
    public enum Kind {
        /** Send the call to {@link #target} instead of the user's phones. */
        FORWARD,
        /** Do-not-disturb without voicemail: 480 (RFC 3261 §21.4.18 names do-not-disturb). */
        UNAVAILABLE,
        /** Ring the {@link #stages} in order; then {@link #onBusy} or {@link #onNoAnswer}. */
        RING
    }

    /**
     * One stage of ringing: its targets ring together.
     *
     * @param phones whether the user's own phones ring in it
     * @param targets further targets, as written
     * @param ringTime how long it rings, {@code null} for the proxy's ring timeout
     */
    public record Stage(boolean phones, List<String> targets, Duration ringTime) {
        public Stage {
            targets = List.copyOf(targets);
        }
    }

    public Treatment {
        Objects.requireNonNull(kind, "kind");
        stages = List.copyOf(stages);
    }

    /**
     * Decides for a user with {@code features} (or none) and a mailbox (or none).
     *
     * @param features the user's features, or {@code null}
     * @param voicemail the user's mailbox URI, or {@code null} when the domain has none
     * @return {@code null} when nothing applies: the call goes as without features
     */
    public static Treatment decide(UserCallFeatures features, String voicemail) {
        if (features == null) {
            return voicemail == null ? null
                    : new Treatment(Kind.RING, null, List.of(new Stage(true, List.of(), DEFAULT_NO_ANSWER)), voicemail,
                            voicemail);
        }
        String always = features.forwardAlways() != null ? orVoicemail(features.forwardAlways(), voicemail) : null;
        if (always != null) {
            return new Treatment(Kind.FORWARD, always, List.of(), null, null);
        }
        if (features.doNotDisturb()) {
            return voicemail != null ? new Treatment(Kind.FORWARD, voicemail, List.of(), null, null)
                    : new Treatment(Kind.UNAVAILABLE, null, List.of(), null, null);
        }
        String busy = features.forwardBusy() != null ? orVoicemail(features.forwardBusy(), voicemail) : voicemail;
        String noAnswer = features.forwardNoAnswer() != null ? orVoicemail(features.forwardNoAnswer(), voicemail)
                : voicemail;
        if (busy == null && noAnswer == null && features.followMe().isEmpty() && features.noAnswer() == null) {
            return null;
        }
        Duration last = features.noAnswer() != null ? features.noAnswer()
                : noAnswer != null ? DEFAULT_NO_ANSWER : null;
        return new Treatment(Kind.RING, null, stages(features.followMe(), last), busy, noAnswer);
    }

    /**
     * The phones from the start, each follow-me target from its delay: a stage rings until the next
     * begins, the last for {@code last}. Targets of equal delay ring together, so they share a stage;
     * a delay of 0 rings with the phones.
     */
    private static List<Stage> stages(List<FollowMeStep> followMe, Duration last) {
        List<Stage> stages = new ArrayList<>();
        boolean phones = true;
        List<String> current = new ArrayList<>();
        Duration begun = Duration.ZERO;
        for (FollowMeStep step : followMe) {
            if (!step.delay().equals(begun)) {
                stages.add(new Stage(phones, current, step.delay().minus(begun)));
                phones = false;
                current = new ArrayList<>();
                begun = step.delay();
            }
            current.add(step.target());
        }
        stages.add(new Stage(phones, current, last));
        return stages;
    }

    private static String orVoicemail(String target, String voicemail) {
        return target.equalsIgnoreCase(Targets.VOICEMAIL) ? voicemail : target;
    }
}
