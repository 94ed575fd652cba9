package org.switchboard.presence.subscription;

import java.util.List;
import java.util.Locale;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipRequest;
import org.switchboard.presence.dialog.DialogInfo;

/** What a SUBSCRIBE for the dialog event package (RFC 4235 §3) looks like. Stateless. */
public final class DialogEvent {
    /** The event package name (RFC 4235 §3.1). */
    public static final String PACKAGE = "dialog";

    private DialogEvent() {
    }

    /** Whether {@code request} is a SUBSCRIBE whose Event names the dialog package. */
    public static boolean isDialogSubscribe(SipRequest request) {
        if (!request.isMethod("SUBSCRIBE")) {
            return false;
        }
        String event = request.header(HeaderName.EVENT);
        if (event == null) {
            return false;
        }
        int semi = event.indexOf(';');
        return (semi < 0 ? event : event.substring(0, semi)).trim().toLowerCase(Locale.ROOT).equals(PACKAGE);
    }

    /**
     * RFC 6665 §4.2.1.1 / RFC 3261 §21.4.7: whether the subscriber accepts the dialog-info body; a
     * SUBSCRIBE without Accept takes the package's default, which is dialog-info (RFC 4235 §3.5).
     */
    public static boolean acceptsDialogInfo(SipRequest request) {
        List<String> accepts = request.headers().values(HeaderName.ACCEPT);
        if (accepts.isEmpty()) {
            return true;
        }
        for (String value : accepts) {
            for (String type : value.split(",")) {
                int semi = type.indexOf(';');
                String bare = (semi < 0 ? type : type.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
                if (bare.equals(DialogInfo.CONTENT_TYPE) || bare.equals("application/*") || bare.equals("*/*")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The Expires the SUBSCRIBE asks for, {@code null} if it has none.
     *
     * @throws NumberFormatException if it is no number of seconds
     */
    public static Long requestedExpires(SipRequest request) {
        String expires = request.header(HeaderName.EXPIRES);
        if (expires == null) {
            return null;
        }
        long seconds = Long.parseLong(expires.trim());
        if (seconds < 0) {
            throw new NumberFormatException("negative Expires " + seconds);
        }
        return seconds;
    }
}
