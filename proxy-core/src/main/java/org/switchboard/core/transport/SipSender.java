package org.switchboard.core.transport;

import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;

/**
 * Sends SIP messages. Implemented by the transport layer; used by the transaction layer. Methods
 * never block; failures are reported to the listener, on some event loop.
 */
public interface SipSender {

    /**
     * Sends a request to {@code destination}. A request over UDP larger than the path MTU rule of
     * RFC 3261 §18.1.1 allows is sent over TCP instead; the caller must have put a Via matching the
     * transport actually used, so this method rewrites the top Via's transport when it switches.
     */
    void sendRequest(SipRequest request, Destination destination, TransportErrorListener onError);

    /**
     * Sends a response along the path RFC 3261 §18.2.2 and RFC 3581 prescribe for the top Via:
     * the request's connection if it is still open, else {@code received}/{@code rport}, else the
     * sent-by address. {@code requestFlow} is the flow the request arrived on.
     */
    void sendResponse(SipResponse response, Flow requestFlow, TransportErrorListener onError);

    /** Told when a message could not be sent (connection refused, unreachable, closed). */
    @FunctionalInterface
    interface TransportErrorListener {
        TransportErrorListener IGNORE = cause -> { };

        void onTransportError(Throwable cause);
    }
}
