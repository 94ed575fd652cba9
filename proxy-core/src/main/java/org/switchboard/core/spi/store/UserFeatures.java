package org.switchboard.core.spi.store;

import java.util.Objects;

/**
 * One user's stored call features, as the admin or the phone set them: the dial plan module parses
 * and applies them (docs/dialplan.md has the meaning). A target is a number or user of the user's
 * domain, or a SIP URI. Immutable.
 *
 * @param domain the user's domain, lower case
 * @param user the user name
 * @param forwardAlways where every call goes instead, or {@code null}
 * @param forwardBusy where a call goes when the phones answer busy, or {@code null}
 * @param forwardNoAnswer where a call goes when nobody answers, or {@code null}
 * @param noAnswerSeconds how long the phones ring before that, or {@code null} for the default
 * @param doNotDisturb whether calls are kept from the phones (to voicemail, else 480)
 * @param followMe further targets with the second they start ringing, {@code TARGET after N, ...},
 *     or {@code null}
 */
public record UserFeatures(String domain, String user, String forwardAlways, String forwardBusy,
        String forwardNoAnswer, Integer noAnswerSeconds, boolean doNotDisturb, String followMe) {

    public UserFeatures {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(user, "user");
    }

    /** No feature set: nothing to store. */
    public static UserFeatures none(String domain, String user) {
        return new UserFeatures(domain, user, null, null, null, null, false, null);
    }

    /** Whether no feature is set, so that the user's calls go as without any. */
    public boolean isEmpty() {
        return forwardAlways == null && forwardBusy == null && forwardNoAnswer == null && noAnswerSeconds == null
                && !doNotDisturb && followMe == null;
    }
}
