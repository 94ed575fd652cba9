package org.switchboard.core.message;

/**
 * A header, URI or start line that does not follow the SIP grammar.
 *
 * <p>Thrown by the lazy accessors of the message model when a value is first touched; the message
 * says what was wrong in words fit for a 400 reason phrase.
 */
public final class SipParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SipParseException(String message) {
        super(message, null, false, false);
    }
}
