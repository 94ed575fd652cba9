package org.switchboard.core.transaction;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.SipSender;

/** A fake transport that records what is sent and when, and can fail every send. */
final class RecordingSender implements SipSender {
    private final ManualClock clock;
    final List<SentRequest> requests = new ArrayList<>();
    final List<SentResponse> responses = new ArrayList<>();
    boolean failing;

    record SentRequest(SipRequest request, Destination destination, long at, TransportErrorListener onError) {
    }

    record SentResponse(SipResponse response, Flow flow, long at, TransportErrorListener onError) {
    }

    RecordingSender(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public void sendRequest(SipRequest request, Destination destination, TransportErrorListener onError) {
        requests.add(new SentRequest(request, destination, clock.now(), onError));
        if (failing) {
            onError.onTransportError(new IOException("Unreachable"));
        }
    }

    @Override
    public void sendResponse(SipResponse response, Flow requestFlow, TransportErrorListener onError) {
        responses.add(new SentResponse(response, requestFlow, clock.now(), onError));
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
        return responses.stream().map(s -> s.response().statusCode()).toList();
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
