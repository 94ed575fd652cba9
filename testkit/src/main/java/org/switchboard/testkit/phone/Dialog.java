package org.switchboard.testkit.phone;

import java.net.InetSocketAddress;
import java.util.List;
import org.switchboard.testkit.sip.SipMessage;

/**
 * One side's view of a dialog (RFC 3261 §12): Call-ID, tags, the remote target and the route set,
 * and the local CSeq. Builds in-dialog requests (§12.2.1.1) and says where they go: to the first
 * route when there is a route set (loose routing, §16.12), else to the remote target.
 */
final class Dialog {
    private final String callId;
    private final String localUri;
    private final String localTag;
    private final String remoteUri;
    private final String remoteTag;
    private final String remoteTarget;
    private final List<String> routeSet;
    private long localCSeq;

    Dialog(String callId, String localUri, String localTag, String remoteUri, String remoteTag, String remoteTarget,
            List<String> routeSet, long localCSeq) {
        this.callId = callId;
        this.localUri = localUri;
        this.localTag = localTag;
        this.remoteUri = remoteUri;
        this.remoteTag = remoteTag;
        this.remoteTarget = remoteTarget;
        this.routeSet = List.copyOf(routeSet);
        this.localCSeq = localCSeq;
    }

    /** A new in-dialog request with the next local CSeq. */
    SipMessage request(String method, String via) {
        return request(method, via, ++localCSeq);
    }

    /** An in-dialog request with a given CSeq number (an ACK takes the INVITE's). */
    SipMessage request(String method, String via, long cseq) {
        SipMessage m = SipMessage.request(method, remoteTarget)
                .withAdded("Via", via)
                .withAdded("Max-Forwards", "70")
                .withAdded("From", "<" + localUri + ">;tag=" + localTag)
                .withAdded("To", "<" + remoteUri + ">" + (remoteTag == null ? "" : ";tag=" + remoteTag))
                .withAdded("Call-ID", callId)
                .withAdded("CSeq", cseq + " " + method);
        for (String route : routeSet) {
            m = m.withAdded("Route", route);
        }
        return m;
    }

    /** Where in-dialog requests are sent. */
    InetSocketAddress nextHop() {
        return Phone.addressOf(SipMessage.uriOf(routeSet.isEmpty() ? remoteTarget : routeSet.get(0)));
    }
}
