package org.switchboard.core.proxy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.transport.SipSender;

/** Logs messages the proxy sends outside a transaction that could not be sent; nothing else can be done. */
final class SendFailureLog {
    private static final Logger LOG = LoggerFactory.getLogger(SendFailureLog.class);

    private SendFailureLog() {
    }

    static SipSender.TransportErrorListener of(String what, String callId) {
        return cause -> LOG.info("Could not forward {} of Call-ID {}: {}", what, callId, cause.toString());
    }
}
