package org.switchboard.benchmarks;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.text.ParseException;
import java.util.ListIterator;
import javax.sip.InvalidArgumentException;
import javax.sip.PeerUnavailableException;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderAddress;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/**
 * The proxy hot path on jain-sip-ri: the full parse its UDP channel does ({@link
 * StringMsgParser#parseSIPMessage}), header reads through the standard {@code javax.sip} API, the
 * Via added with the standard {@link HeaderFactory}, and the bytes the stack would send ({@link
 * SIPMessage#encodeAsBytes}). Not thread-safe: use one instance per thread, as the stack does with
 * its parsers.
 */
public final class JainSipHotPath {
    private final StringMsgParser parser = new StringMsgParser();
    private final HeaderFactory headerFactory;

    /** Loads the reference implementation through {@link SipFactory} with path {@code gov.nist}. */
    public JainSipHotPath() {
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        try {
            headerFactory = factory.createHeaderFactory();
        } catch (PeerUnavailableException e) {
            throw new IllegalStateException("jain-sip-ri not on the class path", e);
        }
    }

    /**
     * Parses a datagram fully, every header and the body, as jain-sip-ri's UDP channel does.
     *
     * @throws ParseException if jain-sip-ri rejects the message
     */
    public SIPMessage parse(byte[] datagram) throws ParseException {
        SIPMessage message = parser.parseSIPMessage(datagram, true, false, null);
        if (message == null) {
            throw new ParseException("Not a SIP message", 0);
        }
        return message;
    }

    /**
     * Processes one received datagram exactly as {@link LazyHotPath#process} does.
     *
     * @throws ParseException if jain-sip-ri rejects the message
     */
    public ProxyView process(byte[] datagram) throws ParseException {
        SIPMessage message = parse(datagram);
        ViaHeader topVia = (ViaHeader) message.getHeader(ViaHeader.NAME);
        String branch = topVia.getBranch();
        CSeqHeader cseq = (CSeqHeader) message.getHeader(CSeqHeader.NAME);
        String callId = ((CallIdHeader) message.getHeader(CallIdHeader.NAME)).getCallId();
        MaxForwardsHeader maxForwardsHeader = (MaxForwardsHeader) message.getHeader(MaxForwardsHeader.NAME);
        int maxForwards = maxForwardsHeader == null ? -1 : maxForwardsHeader.getMaxForwards();
        String toTag = ((ToHeader) message.getHeader(ToHeader.NAME)).getTag();
        String fromTag = ((FromHeader) message.getHeader(FromHeader.NAME)).getTag();
        boolean request = message instanceof Request;
        String routeHost = null;
        int routeCount = 0;
        ListIterator<?> routes = message.getHeaders(request ? RouteHeader.NAME : RecordRouteHeader.NAME);
        while (routes.hasNext()) {
            HeaderAddress route = (HeaderAddress) routes.next();
            if (routeCount++ == 0) {
                routeHost = ((SipURI) route.getAddress().getURI()).getHost();
            }
        }
        String contactHost = null;
        int contactCount = 0;
        ListIterator<?> contacts = message.getHeaders(ContactHeader.NAME);
        while (contacts.hasNext()) {
            ContactHeader contact = (ContactHeader) contacts.next();
            if (contactCount++ == 0) {
                contactHost = ((SipURI) contact.getAddress().getURI()).getHost();
            }
        }

        try {
            if (request) {
                message.addFirst(headerFactory.createViaHeader(
                        ProxyView.PROXY_HOST, ProxyView.PROXY_PORT, "UDP", ProxyView.branchFor(branch)));
                maxForwardsHeader.decrementMaxForwards();
            } else {
                message.removeFirst(ViaHeader.NAME);
            }
        } catch (SipException | InvalidArgumentException e) {
            throw new IllegalStateException("Cannot forward " + callId, e);
        }
        byte[] forwarded = message.encodeAsBytes("UDP");
        return new ProxyView(branch, cseq.getSeqNumber(), cseq.getMethod(), callId, maxForwards, fromTag, toTag,
                routeHost, routeCount, contactHost, contactCount, forwarded);
    }
}
