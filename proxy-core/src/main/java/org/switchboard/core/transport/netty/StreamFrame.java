package org.switchboard.core.transport.netty;

/**
 * One message cut from a stream by {@link SipStreamDecoder}. Immutable by convention: the decoder
 * hands over the array and never touches it again.
 *
 * @param bytes the message, or for a broken frame its header section
 * @param framingLost the stream cannot be framed past this message (no usable Content-Length): after
 *     answering it, the connection must be closed
 */
record StreamFrame(byte[] bytes, boolean framingLost) {
}
