package org.switchboard.core.transaction;

import java.util.List;
import org.switchboard.core.message.CSeq;
import org.switchboard.core.message.HeaderField;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;

/** Builds the requests a client transaction derives from its INVITE: the ACK for a non-2xx and the CANCEL. */
final class DerivedRequests {
    private DerivedRequests() {
    }

    /**
     * RFC 3261 §17.1.1.3: same Request-URI, Call-ID, From and CSeq number as the INVITE, method
     * ACK, the To of the response, only the INVITE's top Via, its Route headers copied.
     */
    static SipRequest ackFor(SipRequest invite, SipResponse response) {
        SipRequest.Builder ack = startCopy(invite, SipMethod.ACK);
        ack.add(HeaderName.TO, response.header(HeaderName.TO));
        copyTail(invite, ack, SipMethod.ACK);
        return ack.build();
    }

    /**
     * RFC 3261 §9.1: same Request-URI, Call-ID, To, From and CSeq number as the INVITE, method
     * CANCEL, only the INVITE's top Via, its Route headers copied, then {@code extraHeaders} (such as
     * Reason, RFC 3326).
     */
    static SipRequest cancelFor(SipRequest invite, List<HeaderField> extraHeaders) {
        SipRequest.Builder cancel = startCopy(invite, SipMethod.CANCEL);
        cancel.add(HeaderName.TO, invite.header(HeaderName.TO));
        copyTail(invite, cancel, SipMethod.CANCEL);
        for (HeaderField field : extraHeaders) {
            cancel.add(field.name(), field.value());
        }
        return cancel.build();
    }

    private static SipRequest.Builder startCopy(SipRequest invite, String method) {
        return SipRequest.builder(method, invite.requestUri())
                .add(HeaderName.VIA, invite.topVia().toString())
                .add(HeaderName.FROM, invite.header(HeaderName.FROM));
    }

    private static void copyTail(SipRequest invite, SipRequest.Builder copy, String method) {
        copy.add(HeaderName.CALL_ID, invite.callId())
                .add(HeaderName.CSEQ, new CSeq(invite.cseq().number(), method).toString());
        for (HeaderField route : invite.headers().all(HeaderName.ROUTE)) {
            copy.add(HeaderName.ROUTE, route.value());
        }
        int maxForwards = invite.maxForwards();
        if (maxForwards >= 0) {
            copy.add(HeaderName.MAX_FORWARDS, Integer.toString(maxForwards));
        }
    }
}
