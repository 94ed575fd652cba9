package org.switchboard.presence.pickup;

import java.util.Locale;
import java.util.Optional;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipUri;

/**
 * How a phone asks to pick up a ringing call, in the two forms snom phones use: the pickup code and
 * the extension dialled in the Request-URI ({@code *8201}, the prefix after {@code |} in a busy-lamp
 * key), or an INVITE with a Replaces header naming the ringing call's Call-ID, sent to the remote
 * target the dialog-info gave (RFC 3891; snom's pickup with dialog-info). Stateless.
 */
public final class PickupRequest {
    private PickupRequest() {
    }

    /**
     * The extension dialled after {@code code} in the Request-URI, as an address of record in the
     * Request-URI's domain; empty if the code is empty or the user part is not code and digits.
     */
    public static Optional<AddressOfRecord> dialledExtension(SipRequest invite, String code) {
        if (code.isEmpty() || !"sip".equalsIgnoreCase(invite.requestUriScheme())
                && !"sips".equalsIgnoreCase(invite.requestUriScheme())) {
            return Optional.empty();
        }
        SipUri uri = invite.sipRequestUri();
        String user = uri.user();
        if (user == null || !user.startsWith(code) || user.length() == code.length()) {
            return Optional.empty();
        }
        String extension = user.substring(code.length());
        return Optional.of(new AddressOfRecord(extension, uri.host().toLowerCase(Locale.ROOT)));
    }

    /** The Call-ID a Replaces header names (RFC 3891 §6.1: {@code callid *(SEMI replaces-param)}), if any. */
    public static Optional<String> replacedCallId(String replaces) {
        if (replaces == null) {
            return Optional.empty();
        }
        int semi = replaces.indexOf(';');
        String callId = (semi < 0 ? replaces : replaces.substring(0, semi)).trim();
        return callId.isEmpty() ? Optional.empty() : Optional.of(callId);
    }
}
