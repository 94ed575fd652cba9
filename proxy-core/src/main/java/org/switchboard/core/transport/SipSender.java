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
     * Encodes a response and works out where it goes, once: the path RFC 3261 §18.2.2 and RFC 3581
     * prescribe for the top Via (the request's connection if it is still open, else {@code
     * received}/{@code rport}, else the sent-by address). {@code requestFlow} is the flow the request
     * arrived on. A response without a usable Via comes back unroutable rather than throwing, and
     * fails when sent.
     */
    EncodedResponse encodeResponse(SipResponse response, Flow requestFlow);

    /** Sends an encoded response; may be called again with the same one to retransmit it. */
    void sendResponse(EncodedResponse response, TransportErrorListener onError);

    /** Encodes and sends a response that will not be sent again. */
    default void sendResponse(SipResponse response, Flow requestFlow, TransportErrorListener onError) {
        sendResponse(encodeResponse(response, requestFlow), onError);
    }

    /** Told when a message could not be sent (connection refused, unreachable, closed). */
    @FunctionalInterface
    interface TransportErrorListener {
        TransportErrorListener IGNORE = cause -> { };

        void onTransportError(Throwable cause);
    }
}
