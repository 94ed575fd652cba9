package org.switchboard.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.spi.chain.ProcessorResult;
import org.switchboard.core.transaction.ExecutorShard;
import org.switchboard.core.transaction.TimerSettings;
import org.switchboard.core.transaction.TransactionLayer;
import org.switchboard.core.transaction.TransactionLimits;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.EncodedResponse;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.InboundMessage;
import org.switchboard.core.transport.SipSender;
import org.switchboard.core.transport.Transport;

class CoreTransactionUserTest {
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final Thread[] executorThread = new Thread[1];
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(CoreTransactionUser.class);
    private final List<SipSender.TransportErrorListener> sent = new ArrayList<>();

    @AfterEach
    void stop() {
        logger.detachAppender(log);
        executor.shutdownNow();
    }

    @Test
    void transportErrorAfterTheFinalResponseIsLoggedWithMethodAndCallId() throws Exception {
        executor.submit(() -> executorThread[0] = Thread.currentThread()).get(5, TimeUnit.SECONDS);
        RequestChain answering = new RequestChain(List.of(context -> {
            context.respond(486, "Busy Here");
            return ProcessorResult.STOP;
        }));
        TransactionLayer layer = new TransactionLayer(
                List.of(new ExecutorShard(executor, () -> Thread.currentThread() == executorThread[0])),
                new RecordingSender(), TimerSettings.DEFAULTS, TransactionLimits.DEFAULTS,
                new CoreTransactionUser(answering, "test"));
        log.start();
        logger.addAppender(log);
        SipRequest invite = RecordingContext.of(RecordingContext.request("INVITE", "sip:bob@example.com", ""))
                .request();
        Flow flow = new Flow(Transport.UDP, new InetSocketAddress("127.0.0.1", 5060),
                new InetSocketAddress("127.0.0.1", 40000), 0);

        layer.onMessage(new InboundMessage(invite, flow, 0));
        layer.onMessage(new InboundMessage(invite, flow, 0));
        executor.submit(() -> sent.get(sent.size() - 1).onTransportError(new IOException("port unreachable")))
                .get(5, TimeUnit.SECONDS);
        executor.submit(() -> { }).get(5, TimeUnit.SECONDS);

        assertThat(log.list).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                .isEqualTo("Could not send the response to INVITE (Call-ID test-call-1@127.0.0.1) to "
                        + "/127.0.0.1:40000: java.io.IOException: port unreachable"));
    }

    /** Records the error listener of each response sent; sends nothing. */
    private final class RecordingSender implements SipSender {
        @Override
        public void sendRequest(SipRequest request, Destination destination,
                SipSender.TransportErrorListener onError) {
            throw new AssertionError("no requests expected");
        }

        @Override
        public EncodedResponse encodeResponse(SipResponse response, Flow requestFlow) {
            return EncodedResponse.routed(response.encode(), response.statusCode(), response.callId(),
                    Destination.of(requestFlow.transport(), requestFlow.remote()), requestFlow.local());
        }

        @Override
        public void sendResponse(EncodedResponse response, SipSender.TransportErrorListener onError) {
            sent.add(onError);
        }
    }
}
