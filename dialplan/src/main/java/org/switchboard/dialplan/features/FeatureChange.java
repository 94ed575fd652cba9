package org.switchboard.dialplan.features;

import java.util.Objects;
import org.switchboard.core.spi.store.UserFeatures;

/**
 * What a feature code asks for: forwarding on (with its target) or off, do-not-disturb on or off;
 * and the words the caller's phone shows once it is done. Immutable.
 *
 * @param target the forwarding target for {@link Kind#FORWARD_ON}, else {@code null}
 */
public record FeatureChange(Kind kind, String target) {

    /** The features a code switches. */
    public enum Kind {
        FORWARD_ON, FORWARD_OFF, DND_ON, DND_OFF
    }

    public FeatureChange {
        Objects.requireNonNull(kind, "kind");
    }

    /** The user's features with this change made. */
    public UserFeatures applyTo(UserFeatures old) {
        return switch (kind) {
            case FORWARD_ON -> new UserFeatures(old.domain(), old.user(), target, old.forwardBusy(),
                    old.forwardNoAnswer(), old.noAnswerSeconds(), old.doNotDisturb(), old.followMe());
            case FORWARD_OFF -> new UserFeatures(old.domain(), old.user(), null, old.forwardBusy(),
                    old.forwardNoAnswer(), old.noAnswerSeconds(), old.doNotDisturb(), old.followMe());
            case DND_ON, DND_OFF -> new UserFeatures(old.domain(), old.user(), old.forwardAlways(), old.forwardBusy(),
                    old.forwardNoAnswer(), old.noAnswerSeconds(), kind == Kind.DND_ON, old.followMe());
        };
    }

    /** What changed, in words for the reason phrase of the answer (RFC 3261 §7.2: for the human user). */
    public String describe() {
        return switch (kind) {
            case FORWARD_ON -> "Call forwarding on to " + target;
            case FORWARD_OFF -> "Call forwarding off";
            case DND_ON -> "Do not disturb on";
            case DND_OFF -> "Do not disturb off";
        };
    }
}
