package org.switchboard.core.transaction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.EncodedResponse;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.SipSender;
import org.switchboard.testkit.time.ManualClock;

/**
 * A fake transport that records what is sent and when, and can fail every send. Responses are
 * encoded as the real transport encodes them and routed back to the request's source.
 */
final class RecordingSender implements SipSender {
    private final ManualClock clock;
    final List<SentRequest> requests = new ArrayList<>();
    final List<SentResponse> responses = new ArrayList<>();
    int responsesEncoded;
    boolean failing;

    record SentRequest(SipRequest request, Destination destination, long at, TransportErrorListener onError) {
    }

    record SentResponse(EncodedResponse encoded, long at, TransportErrorListener onError) {

        /** The response parsed back from the bytes sent. */
        SipResponse response() {
            byte[] bytes = encoded.bytes();
            return (SipResponse) TestMessages.parse(new String(bytes, StandardCharsets.UTF_8)
                    .replace("\r\n", "\n"));
        }
    }

    RecordingSender(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public void sendRequest(SipRequest request, Destination destination, TransportErrorListener onError) {
        requests.add(new SentRequest(request, destination, clock.elapsedMillis(), onError));
        if (failing) {
            onError.onTransportError(new IOException("Unreachable"));
        }
    }

    @Override
    public EncodedResponse encodeResponse(SipResponse response, Flow requestFlow) {
        responsesEncoded++;
        Destination source = new Destination(requestFlow.transport(), requestFlow.remote(), requestFlow.connectionId());
        return EncodedResponse.routed(response.encode(), response.statusCode(), response.callId(), source,
                requestFlow.local());
    }

    @Override
    public void sendResponse(EncodedResponse response, TransportErrorListener onError) {
        responses.add(new SentResponse(response, clock.elapsedMillis(), onError));
        if (failing) {
            onError.onTransportError(new IOException("Connection closed"));
        }
    }

    List<Long> requestTimes() {
        return requests.stream().map(SentRequest::at).toList();
    }

    List<Long> responseTimes() {
        return responses.stream().map(SentResponse::at).toList();
    }

    List<Integer> responseCodes() {
        return responses.stream().map(s -> s.encoded().statusCode()).toList();
    }

    List<String> requestMethods() {
        return requests.stream().map(s -> s.request().method()).toList();
    }

    SipRequest lastRequest() {
        return requests.get(requests.size() - 1).request();
    }

    SipResponse lastResponse() {
        return responses.get(responses.size() - 1).response();
    }
}
