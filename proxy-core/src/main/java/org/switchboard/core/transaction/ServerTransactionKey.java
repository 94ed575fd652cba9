package org.switchboard.core.transaction;

import org.switchboard.core.message.CSeq;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.Via;

/**
 * The key a server transaction is found under (RFC 3261 §17.2.3). An ACK is keyed with the method
 * INVITE so that it finds the INVITE's transaction; a CANCEL keeps its own method and so its own
 * transaction.
 */
sealed interface ServerTransactionKey {

    /** The key of {@code request} under its own To tag. */
    static ServerTransactionKey of(SipRequest request) {
        return of(request, keyMethod(request.method()), toTagOf(request));
    }

    /**
     * The key of {@code request} as if it had {@code method} and, for requests without an RFC 3261
     * branch, the To tag {@code toTag}.
     */
    static ServerTransactionKey of(SipRequest request, String method, String toTag) {
        Via top = request.topVia();
        if (top.hasRfc3261Branch()) {
            return new Branch(top.branch(), top.sentBy(), method);
        }
        CSeq cseq = request.cseq();
        return new Rfc2543(request.callId(), cseq.number(), method, request.from().tag(), toTag,
                request.requestUri(), top.toString());
    }

    /** The method a request is keyed under: the INVITE's for an ACK, its own otherwise. */
    static String keyMethod(String method) {
        return method.equals(SipMethod.ACK) ? SipMethod.INVITE : method;
    }

    static String toTagOf(SipRequest request) {
        return request.to().tag();
    }

    /**
     * RFC 3261 §17.2.3: branch, sent-by of the top Via, and method. Every request looks one up;
     * {@code equals} and {@code hashCode} are written out rather than generated through method
     * handles.
     */
    record Branch(String branch, String sentBy, String method) implements ServerTransactionKey {
        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof Branch other && branch.equals(other.branch)
                    && sentBy.equals(other.sentBy) && method.equals(other.method);
        }

        @Override
        public int hashCode() {
            return (31 * branch.hashCode() + sentBy.hashCode()) * 31 + method.hashCode();
        }
    }

    /**
     * RFC 3261 §17.2.3 fallback for RFC 2543 peers: Request-URI, To tag, From tag, Call-ID, CSeq
     * and top Via. The Request-URI is compared as written.
     */
    record Rfc2543(String callId, long cseqNumber, String method, String fromTag, String toTag,
            String requestUri, String topVia) implements ServerTransactionKey {
    }
}
