package org.switchboard.core.transport;

import org.switchboard.core.message.SipMessage;

/**
 * A message as it arrived: the parsed message, the flow it came on, and when (from {@link
 * System#nanoTime()}).
 */
public record InboundMessage(SipMessage message, Flow flow, long receivedAtNanos) {
}
