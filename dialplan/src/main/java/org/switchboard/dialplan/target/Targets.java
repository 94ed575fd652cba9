package org.switchboard.dialplan.target;

import java.util.Locale;
import java.util.regex.Pattern;
import org.switchboard.core.message.SipParseException;
import org.switchboard.core.message.SipUri;

/**
 * The targets of forwarding, follow-me and groups as written: a SIP URI, {@code user@host}, a
 * number or user of the owner's domain, or {@code voicemail} for the owner's mailbox.
 */
public final class Targets {
    /** The word for the owner's mailbox. */
    public static final String VOICEMAIL = "voicemail";
    /** What a phone can dial as a number: RFC 3261 §25.1 unreserved characters and the dial-pad's. */
    private static final Pattern NUMBER = Pattern.compile("[0-9A-Za-z+*#._~!-]{1,64}");

    private Targets() {
    }

    /**
     * @throws IllegalArgumentException if {@code target} is neither a number nor a SIP URI
     */
    public static void check(String target) {
        if (target.equalsIgnoreCase(VOICEMAIL) || NUMBER.matcher(target).matches()) {
            return;
        }
        try {
            SipUri.parse(withScheme(target));
        } catch (SipParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + target + "' is neither a number nor a SIP URI");
        }
    }

    /** Whether a phone could have dialled {@code number} as a forwarding target. */
    public static boolean isNumber(String number) {
        return NUMBER.matcher(number).matches();
    }

    /**
     * The URI a target stands for, a number in {@code domain}.
     *
     * @throws SipParseException if it is no SIP URI
     */
    public static SipUri uri(String target, String domain) {
        String lower = target.toLowerCase(Locale.ROOT);
        if (target.indexOf('@') < 0 && !lower.startsWith("sip:") && !lower.startsWith("sips:")) {
            return SipUri.parse("sip:" + target + "@" + domain);
        }
        return SipUri.parse(withScheme(target));
    }

    private static String withScheme(String target) {
        String lower = target.toLowerCase(Locale.ROOT);
        return lower.startsWith("sip:") || lower.startsWith("sips:") ? target : "sip:" + target;
    }
}
