package org.switchboard.core.transport.netty;

/**
 * One message cut from a stream by {@link SipStreamDecoder}. Immutable by convention: the decoder
 * hands over the array and never touches it again.
 *
 * @param bytes the message, or for a broken frame its header section (as much of it as came within
 *     the size limit, for a message too large)
 * @param framing whether the message is whole, or why the stream cannot be framed past it
 */
record StreamFrame(byte[] bytes, Framing framing) {

    /** What the decoder could make of a message. */
    enum Framing {
        /** A whole message. */
        WHOLE,
        /** No usable Content-Length: after answering it, the connection must be closed. */
        LOST,
        /**
         * Larger than the limit: only its start is kept; after answering it (513 Message Too Large),
         * the connection must be closed.
         */
        TOO_LARGE
    }

    /** Whether the connection must be closed once the frame is answered. */
    boolean endsStream() {
        return framing != Framing.WHOLE;
    }
}
