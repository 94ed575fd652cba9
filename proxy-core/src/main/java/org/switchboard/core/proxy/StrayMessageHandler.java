package org.switchboard.core.proxy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.transport.InboundMessage;

/**
 * What the server does with messages that belong to no transaction: ACKs for 2xx responses and
 * responses matching no client transaction. A proxy forwards them ({@link StatelessForwarder});
 * a server without one drops them ({@link #DROP}).
 *
 * <p>Threading: called on the message's shard; must not block.
 */
interface StrayMessageHandler {

    /** Logs and drops. */
    StrayMessageHandler DROP = new StrayMessageHandler() {
        private final Logger log = LoggerFactory.getLogger(StrayMessageHandler.class);

        @Override
        public void onAck(InboundMessage ack) {
            log.debug("Ignoring ACK for a 2xx not sent by this server from {} (Call-ID {})", ack.flow().remote(),
                    ack.message().callId());
        }

        @Override
        public void onStrayResponse(InboundMessage response) {
            log.debug("Dropping response matching no transaction from {} (Call-ID {})", response.flow().remote(),
                    response.message().callId());
        }
    };

    void onAck(InboundMessage ack);

    void onStrayResponse(InboundMessage response);
}
