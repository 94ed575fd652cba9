package org.switchboard.core.proxy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.message.SipParser;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.spi.chain.RequestContext;
import org.switchboard.core.transaction.ServerTransaction;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;

/** A request context for processor tests that records what was answered. */
final class RecordingContext implements RequestContext {
    final List<SipResponse> responses = new ArrayList<>();
    private final SipRequest received;
    private SipRequest request;
    private final Flow flow = new Flow(Transport.UDP, new InetSocketAddress("127.0.0.1", 5060),
            new InetSocketAddress("127.0.0.1", 40000), 0);

    RecordingContext(SipRequest request) {
        this.received = request;
        this.request = request;
    }

    static RecordingContext of(String raw) {
        byte[] bytes = raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        return new RecordingContext((SipRequest) SipParser.parse(bytes, 0, bytes.length, true).message());
    }

    static String request(String method, String uri, String extraHeaders) {
        return method + " " + uri + " SIP/2.0\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:40000;branch=z9hG4bK-test-1;rport\n"
                + "Max-Forwards: 70\n"
                + "From: <sip:alice@example.com>;tag=a1\n"
                + "To: <" + uri + ">\n"
                + "Call-ID: test-call-1@127.0.0.1\n"
                + "CSeq: 1 " + method + "\n"
                + extraHeaders
                + "Content-Length: 0\n\n";
    }

    @Override
    public SipRequest request() {
        return request;
    }

    @Override
    public SipRequest receivedRequest() {
        return received;
    }

    @Override
    public void updateRequest(SipRequest updated) {
        request = updated;
    }

    @Override
    public Flow flow() {
        return flow;
    }

    /** A context built from a message string has no server transaction. */
    @Override
    public ServerTransaction transaction() {
        return null;
    }

    @Override
    public SipResponse.Builder responseBuilder(int statusCode, String reasonPhrase) {
        return SipResponse.builderFor(request, statusCode, reasonPhrase).toTag("local-tag");
    }

    @Override
    public void respond(SipResponse response) {
        responses.add(response);
    }

    SipResponse onlyResponse() {
        if (responses.size() != 1) {
            throw new AssertionError("expected one response, got " + responses.size());
        }
        return responses.get(0);
    }
}
