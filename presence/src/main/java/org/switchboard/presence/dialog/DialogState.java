package org.switchboard.presence.dialog;

import java.util.Locale;

/**
 * The states of a dialog in the dialog event package (RFC 4235 §3.7.1) that a proxy can tell from
 * what it relays: the INVITE went out (trying), a provisional with a To tag came back (early: the
 * callee rings), a 2xx (confirmed), a final failure or a BYE (terminated).
 */
public enum DialogState {
    TRYING, EARLY, CONFIRMED, TERMINATED;

    /** The element content, e.g. {@code early}. */
    public String xmlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
