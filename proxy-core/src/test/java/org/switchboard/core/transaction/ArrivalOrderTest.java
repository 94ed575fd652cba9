package org.switchboard.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.core.transaction.TestMessages.destination;
import static org.switchboard.core.transaction.TestMessages.inbound;
import static org.switchboard.core.transaction.TestMessages.outgoing;
import static org.switchboard.core.transaction.TestMessages.response;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.transport.Transport;
import org.switchboard.testkit.time.ManualClock;

/**
 * Responses reach their client transaction in the order the transport handed them to the layer, also
 * when one comes from another thread and the next from the shard's own, as when a Netty event loop
 * reads a socket while another loop has just queued it a message: a 200 must not overtake its 180.
 */
class ArrivalOrderTest {
    private static final String BRANCH = "z9hG4bKorder1";
    private static final String CALL_ID = "order-1@example.com";

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aResponseReadOnTheShardDoesNotOvertakeOneQueuedBeforeIt() throws Exception {
        Thread[] shardThread = new Thread[1];
        executor.submit(() -> shardThread[0] = Thread.currentThread()).get(5, TimeUnit.SECONDS);
        Shard shard = new ExecutorShard(executor, () -> Thread.currentThread() == shardThread[0]);
        TransactionLayer layer = new TransactionLayer(List.of(shard), new RecordingSender(new ManualClock()),
                TimerSettings.DEFAULTS, TransactionLimits.DEFAULTS, new RecordingUser());
        RecordingListener listener = new RecordingListener();
        layer.sendRequest(outgoing("INVITE", BRANCH, CALL_ID), destination(Transport.UDP), listener);

        CountDownLatch ringingQueued = new CountDownLatch(1);
        Future<?> shardReads = executor.submit(() -> {
            ringingQueued.await(5, TimeUnit.SECONDS);
            layer.onMessage(inbound(response(200, BRANCH, CALL_ID, 1, "INVITE"), Transport.UDP));
            return null;
        });
        layer.onMessage(inbound(response(180, BRANCH, CALL_ID, 1, "INVITE"), Transport.UDP));
        ringingQueued.countDown();
        shardReads.get(5, TimeUnit.SECONDS);

        assertThat(executor.submit(listener::codes).get(5, TimeUnit.SECONDS)).containsExactly(180, 200);
    }
}
