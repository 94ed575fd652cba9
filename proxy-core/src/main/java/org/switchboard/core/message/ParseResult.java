package org.switchboard.core.message;

/**
 * What {@link SipParser} made of some bytes: a message (which may still carry a {@link
 * SipMessage#defect()}), or, when not even a start line could be read, an error and no message.
 */
public record ParseResult(SipMessage message, String error) {

    static ParseResult failure(String error) {
        return new ParseResult(null, error);
    }

    public boolean isSuccess() {
        return message != null;
    }
}
