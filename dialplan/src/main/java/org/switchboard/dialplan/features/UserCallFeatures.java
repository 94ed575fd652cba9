package org.switchboard.dialplan.features;

import java.time.Duration;
import java.util.List;
import org.switchboard.core.spi.store.UserFeatures;
import org.switchboard.dialplan.target.Targets;

/**
 * One user's features, checked and parsed from the stored {@link UserFeatures}. Immutable.
 *
 * @param forwardAlways where every call goes instead, or {@code null}
 * @param forwardBusy where a call goes when the phones are busy, or {@code null}
 * @param forwardNoAnswer where a call goes when nobody answers, or {@code null}
 * @param noAnswer how long the last stage rings before that, or {@code null} for the default
 * @param doNotDisturb whether calls are kept from the phones
 * @param followMe further targets by delay, possibly empty
 */
public record UserCallFeatures(String forwardAlways, String forwardBusy, String forwardNoAnswer, Duration noAnswer,
        boolean doNotDisturb, List<FollowMeStep> followMe) {
    /** The most a no-answer time may be: a caller does not wait longer. */
    public static final int MAX_NO_ANSWER_SECONDS = 600;

    public UserCallFeatures {
        followMe = List.copyOf(followMe);
    }

    /**
     * @throws IllegalArgumentException naming what is wrong: a target that is no number or URI, a
     *     follow-me list not of the form {@code TARGET after SECONDS}, a no-answer time out of 1-600 s
     */
    public static UserCallFeatures of(UserFeatures stored) {
        check(stored.forwardAlways());
        check(stored.forwardBusy());
        check(stored.forwardNoAnswer());
        Integer seconds = stored.noAnswerSeconds();
        if (seconds != null && (seconds < 1 || seconds > MAX_NO_ANSWER_SECONDS)) {
            throw new IllegalArgumentException("the no-answer time must be 1-" + MAX_NO_ANSWER_SECONDS
                    + " seconds: " + seconds);
        }
        return new UserCallFeatures(stored.forwardAlways(), stored.forwardBusy(), stored.forwardNoAnswer(),
                seconds == null ? null : Duration.ofSeconds(seconds), stored.doNotDisturb(),
                stored.followMe() == null ? List.of() : FollowMeStep.parseList(stored.followMe()));
    }

    private static void check(String target) {
        if (target != null) {
            Targets.check(target);
        }
    }
}
