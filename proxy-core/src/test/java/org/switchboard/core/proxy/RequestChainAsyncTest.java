package org.switchboard.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.spi.chain.ProcessorResult;
import org.switchboard.core.spi.chain.ProcessorStages;
import org.switchboard.core.spi.chain.RequestContext;
import org.switchboard.core.spi.chain.Stage;
import org.switchboard.core.transaction.ExecutorShard;
import org.switchboard.core.transaction.ServerTransaction;
import org.switchboard.core.transaction.Shard;
import org.switchboard.core.transport.Flow;

/**
 * The request chain's decisions: stop with a response, and the asynchronous step that resumes the
 * chain on the request's shard whichever thread completes it, and drops a decision that comes after
 * the request was answered. Also where the plugins' stages sit in the core chain.
 */
class RequestChainAsyncTest {
    private final ScheduledExecutorService shardThread = Executors.newSingleThreadScheduledExecutor();
    private final AtomicReference<Thread> shardThreadRef = new AtomicReference<>();
    private final Shard shard = new ExecutorShard(shardThread, () -> Thread.currentThread() == shardThreadRef.get());

    @AfterEach
    void stopShard() {
        shardThread.shutdownNow();
    }

    /** A context on {@link #shard}, answered like {@link RecordingContext}. */
    private final class ShardContext {
        final RecordingContext recording = RecordingContext.of(RecordingContext.request("INVITE",
                "sip:bob@example.com", ""));
        final RequestContext context = new RequestContext() {
            private boolean answered;

            @Override
            public SipRequest request() {
                return recording.request();
            }

            @Override
            public SipRequest receivedRequest() {
                return recording.receivedRequest();
            }

            @Override
            public void updateRequest(SipRequest request) {
                recording.updateRequest(request);
            }

            @Override
            public Flow flow() {
                return recording.flow();
            }

            @Override
            public ServerTransaction transaction() {
                return null;
            }

            @Override
            public SipResponse.Builder responseBuilder(int statusCode, String reasonPhrase) {
                return recording.responseBuilder(statusCode, reasonPhrase);
            }

            @Override
            public void respond(SipResponse response) {
                answered |= !response.isProvisional();
                recording.respond(response);
            }

            @Override
            public boolean answered() {
                return answered;
            }

            @Override
            public Shard shard() {
                return shard;
            }
        };
    }

    private void onShard(Runnable task) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        shard.execute(() -> {
            shardThreadRef.set(Thread.currentThread());
            task.run();
            done.countDown();
        });
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void stopWithAResponseSendsIt() {
        RecordingContext context = RecordingContext.of(RecordingContext.request("OPTIONS", "sip:x@example.com", ""));
        new RequestChain(List.of(c -> ProcessorResult.stop(c.responseBuilder(488, "Not Here").build())))
                .process(context);
        assertThat(context.onlyResponse().statusCode()).isEqualTo(488);
    }

    @Test
    void anAsyncStepCompletedOnAnotherThreadResumesTheChainOnTheShard() throws Exception {
        ShardContext ctx = new ShardContext();
        CompletableFuture<String> lookup = new CompletableFuture<>();
        List<Thread> continuedOn = new ArrayList<>();
        CountDownLatch answered = new CountDownLatch(1);
        RequestChain chain = new RequestChain(List.of(
                c -> ProcessorResult.async(lookup, value -> {
                    continuedOn.add(Thread.currentThread());
                    return "go".equals(value) ? ProcessorResult.CONTINUE : ProcessorResult.STOP;
                }),
                c -> {
                    continuedOn.add(Thread.currentThread());
                    c.respond(200, "OK");
                    answered.countDown();
                    return ProcessorResult.STOP;
                }));
        onShard(() -> chain.process(ctx.context));
        assertThat(ctx.recording.responses).as("nothing until the work completes").isEmpty();

        Thread worker = new Thread(() -> lookup.complete("go"), "not-the-shard");
        worker.start();
        assertThat(answered.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(continuedOn).hasSize(2).containsOnly(shardThreadRef.get());
        assertThat(ctx.recording.onlyResponse().statusCode()).isEqualTo(200);
    }

    @Test
    void anAsyncStepCompletedAfterTheRequestWasAnsweredIsDropped() throws Exception {
        ShardContext ctx = new ShardContext();
        CompletableFuture<ProcessorResult> decision = new CompletableFuture<>();
        RequestChain chain = new RequestChain(List.of(c -> ProcessorResult.async(decision),
                c -> ProcessorResult.stop(c.responseBuilder(200, "OK").build())));
        onShard(() -> chain.process(ctx.context));
        onShard(() -> ctx.context.respond(487, "Request Terminated")); // a CANCEL ended the transaction
        decision.complete(ProcessorResult.CONTINUE);
        onShard(() -> { }); // the resumption, if any, ran before this
        assertThat(ctx.recording.responses).extracting(SipResponse::statusCode).containsExactly(487);
    }

    @Test
    void aFailedAsyncStepAnswers500() throws Exception {
        ShardContext ctx = new ShardContext();
        RequestChain chain = new RequestChain(List.of(c -> ProcessorResult.async(
                CompletableFuture.failedFuture(new IllegalStateException("database down")))));
        onShard(() -> chain.process(ctx.context));
        onShard(() -> { });
        assertThat(ctx.recording.onlyResponse().statusCode()).isEqualTo(500);
    }

    @Test
    void pluginStagesRunInStageOrderAroundTheCoreChecks() {
        List<String> order = new ArrayList<>();
        ProcessorStages.Builder stages = ProcessorStages.builder();
        for (Stage stage : new Stage[] {Stage.ROUTE, Stage.LOCAL, Stage.AUTH, Stage.NAT, Stage.SANITY}) {
            stages.add(stage, c -> {
                order.add(stage.name());
                return ProcessorResult.CONTINUE;
            });
        }
        RequestChain chain = CoreProcessors.chain(new LocalAddresses(Set.of("127.0.0.1"), Set.of(5060)),
                ServerCapabilities.defaults(), stages.build());
        RecordingContext context = RecordingContext.of(RecordingContext.request("MESSAGE", "sip:x@example.com", ""));
        chain.process(context);
        assertThat(order).containsExactly("SANITY", "NAT", "AUTH", "LOCAL", "ROUTE");
        assertThat(context.onlyResponse().statusCode()).as("the unroutable responder ends it").isEqualTo(404);
    }
}
