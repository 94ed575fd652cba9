package org.switchboard.core.transport;

/**
 * Receives every well-formed message the transports read. Called on the event loop that read the
 * message; implementations must not block.
 */
@FunctionalInterface
public interface InboundMessageHandler {

    void onMessage(InboundMessage message);
}
