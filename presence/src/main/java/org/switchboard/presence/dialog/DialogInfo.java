package org.switchboard.presence.dialog;

import java.util.List;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.message.NameAddr;

/**
 * The {@code application/dialog-info+xml} document (RFC 4235 §4) of one user: always full state
 * (§4.1.1), one {@code dialog} element per call of the user, seen from the user's side. A call the
 * user receives is {@code direction="recipient"} with the caller as {@code remote} (identity with
 * display name, so a snom ringing lamp can show who calls), the user's tag as {@code local-tag} and
 * the caller's as {@code remote-tag}; the Call-ID is the dialog's {@code id} and {@code call-id}.
 * With Call-ID and tags a phone can pick the call up with an INVITE with Replaces (RFC 3891), sent
 * to the remote target, which is the caller's address of record. Pure and thread-safe.
 */
public final class DialogInfo {
    /** The MIME type of the document (RFC 4235 §4). */
    public static final String CONTENT_TYPE = "application/dialog-info+xml";

    private DialogInfo() {
    }

    /**
     * The document.
     *
     * @param entity whose dialogs these are
     * @param version this subscription's count of documents sent before (RFC 4235 §4.1.2)
     * @param current the user's calls now
     * @param ended calls the previous document showed that have ended since, shown once as terminated
     */
    public static String render(AddressOfRecord entity, long version, List<TrackedCall> current,
            List<TrackedCall> ended) {
        StringBuilder xml = new StringBuilder(256 + 512 * (current.size() + ended.size()));
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<dialog-info xmlns=\"urn:ietf:params:xml:ns:dialog-info\" version=\"").append(version)
                .append("\" state=\"full\" entity=\"").append(escape(entity.toString())).append("\">\n");
        for (TrackedCall call : current) {
            dialog(xml, entity, call, call.state());
        }
        for (TrackedCall call : ended) {
            dialog(xml, entity, call, DialogState.TERMINATED);
        }
        return xml.append("</dialog-info>\n").toString();
    }

    private static void dialog(StringBuilder xml, AddressOfRecord entity, TrackedCall call, DialogState state) {
        boolean initiator = entity.equals(call.caller());
        String localTag = initiator ? call.callerTag() : call.calleeTag();
        String remoteTag = initiator ? call.calleeTag() : call.callerTag();
        xml.append("  <dialog id=\"").append(escape(call.callId())).append("\" call-id=\"")
                .append(escape(call.callId())).append('"');
        if (localTag != null) {
            xml.append(" local-tag=\"").append(escape(localTag)).append('"');
        }
        if (remoteTag != null) {
            xml.append(" remote-tag=\"").append(escape(remoteTag)).append('"');
        }
        xml.append(" direction=\"").append(initiator ? "initiator" : "recipient").append("\">\n")
                .append("    <state>").append(state.xmlName()).append("</state>\n");
        if (initiator) {
            party(xml, "local", call.callerIdentity(), call.caller());
            party(xml, "remote", call.calleeIdentity(), call.callee());
        } else {
            party(xml, "local", call.calleeIdentity(), call.callee());
            party(xml, "remote", call.callerIdentity(), call.caller());
        }
        xml.append("  </dialog>\n");
    }

    /** §4.1.6.2: identity (with display name) and target; the target is the party's address of record. */
    private static void party(StringBuilder xml, String element, NameAddr identity, AddressOfRecord aor) {
        if (identity == null) {
            return;
        }
        xml.append("    <").append(element).append(">\n      <identity");
        String display = unquoted(identity.displayName());
        if (display != null && !display.isEmpty()) {
            xml.append(" display=\"").append(escape(display)).append('"');
        }
        xml.append('>').append(escape(identity.uri())).append("</identity>\n");
        String target = aor != null ? aor.toString() : identity.uri();
        xml.append("      <target uri=\"").append(escape(target)).append("\"/>\n")
                .append("    </").append(element).append(">\n");
    }

    /** A display name as written, without its quotes and quoting backslashes (RFC 3261 §25.1 quoted-string). */
    static String unquoted(String display) {
        if (display == null || display.length() < 2 || display.charAt(0) != '"'
                || display.charAt(display.length() - 1) != '"') {
            return display;
        }
        StringBuilder out = new StringBuilder(display.length());
        for (int i = 1; i < display.length() - 1; i++) {
            char c = display.charAt(i);
            if (c == '\\' && i + 1 < display.length() - 1) {
                c = display.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** XML 1.0 character escaping for attribute values and text. */
    static String escape(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&apos;";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                    out.append(c);
                }
            } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
        }
        return out == null ? s : out.toString();
    }
}
