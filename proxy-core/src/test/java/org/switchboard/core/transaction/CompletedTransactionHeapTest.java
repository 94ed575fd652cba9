package org.switchboard.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultEventLoop;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipParser;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.EncodedResponse;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.InboundMessage;
import org.switchboard.core.transport.SipSender;
import org.switchboard.core.transport.Transport;

/**
 * The memory retained by 100,000 non-INVITE server transactions in Completed over UDP, as a registrar
 * under load holds them for Timer J: each made by a REGISTER parsed from its own bytes, arriving on its
 * own flow, answered 200 with a Contact. The layer runs on a Netty event loop, as in the server. Their
 * final responses are kept in direct memory ({@link CompletedResponses}), so what stays on the heap is
 * the store's index. The figures go to docs/performance.md.
 */
class CompletedTransactionHeapTest {
    private static final int TRANSACTIONS = 100_000;
    /**
     * Measured 3,053 bytes before the transactions released their request, 1,049 after, 978 with the
     * FIFO timers, 84 with the final responses kept off the heap (mostly the store's index: two longs
     * per slot, at most half the slots used).
     */
    private static final long HEAP_LIMIT_BYTES_EACH = 128;
    /** The entry of a 408-byte response with its key, addresses and Call-ID: about 530 bytes. */
    private static final long DIRECT_LIMIT_BYTES_EACH = 700;
    /** Timer J of 64 * 10 s: no transaction may end while the test measures. */
    private static final TimerSettings SLOW_TIMERS = new TimerSettings(10_000, 10_000, 5_000);
    private static final InetSocketAddress LOCAL = new InetSocketAddress("192.0.2.1", 5060);

    @Test
    void completedNonInviteServerTransactionsRetainLittleHeap() throws Exception {
        DefaultEventLoop loop = new DefaultEventLoop();
        try {
            Shard shard = new ExecutorShard(loop, loop::inEventLoop);
            DiscardingSender sender = new DiscardingSender();
            TransactionLayer layer = new TransactionLayer(List.of(shard), sender, SLOW_TIMERS,
                    new TransactionLimits(2 * TRANSACTIONS, 5), new AnsweringUser());
            long before = HeapProbe.usedAfterGc();
            long directBefore = directMemoryUsed();

            loop.submit(() -> {
                for (int i = 0; i < TRANSACTIONS; i++) {
                    layer.onMessage(register(i));
                }
            }).get(60, TimeUnit.SECONDS);
            loop.submit(() -> { }).get(60, TimeUnit.SECONDS); // the layer queues what it is handed, even on its shard
            long retained = HeapProbe.usedAfterGc() - before;
            long direct = directMemoryUsed() - directBefore;

            assertThat(layer.counters().completedKept()).isEqualTo(TRANSACTIONS);
            assertThat(layer.counters().activeTotal()).isZero();
            System.out.printf("%d completed non-INVITE server transactions retain %.1f MB of heap (%d bytes each)"
                    + " and %.1f MB of direct memory (%d bytes each; the encoded response is %d bytes)%n",
                    TRANSACTIONS, retained / 1048576.0, retained / TRANSACTIONS, direct / 1048576.0,
                    direct / TRANSACTIONS, sender.lastLength);
            assertThat(retained / TRANSACTIONS).as("heap bytes retained per completed transaction")
                    .isLessThan(HEAP_LIMIT_BYTES_EACH);
            assertThat(direct / TRANSACTIONS).as("direct memory bytes per completed transaction")
                    .isLessThan(DIRECT_LIMIT_BYTES_EACH);
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static long directMemoryUsed() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct"))
                .mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
    }

    /** The i-th phone's REGISTER as the transport hands it up: own bytes, own flow, received and rport set. */
    private static InboundMessage register(int i) {
        String ip = "10." + (i >> 16 & 255) + '.' + (i >> 8 & 255) + '.' + (i & 255);
        int port = 1024 + i % 60_000;
        String user = Integer.toString(2_000_000 + i);
        String text = "REGISTER sip:example.com SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + ip + ":" + port + ";branch=z9hG4bK-" + i + "-1-0;received=" + ip
                + ";rport=" + port + "\r\n"
                + "From: <sip:" + user + "@example.com>;tag=" + i + "SIPpTag001\r\n"
                + "To: <sip:" + user + "@example.com>\r\n"
                + "Call-ID: " + i + "-4711@" + ip + "\r\n"
                + "CSeq: 2 REGISTER\r\n"
                + "Contact: <sip:" + user + "@" + ip + ":" + port + ">\r\n"
                + "Max-Forwards: 70\r\n"
                + "Expires: 3600\r\n"
                + "User-Agent: SIPp\r\n"
                + "Authorization: Digest username=\"" + user + "\",realm=\"example.com\",uri=\"sip:example.com\","
                + "nonce=\"7f1d9c2a0b3e4d5f6a7b8c9d0e1f2a3b\",response=\"0123456789abcdef0123456789abcdef\","
                + "algorithm=MD5\r\n"
                + "Content-Length: 0\r\n\r\n";
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        SipRequest request = (SipRequest) SipParser.parse(bytes, 0, bytes.length, true).message();
        Flow flow = new Flow(Transport.UDP, LOCAL, new InetSocketAddress(ip, port), 0);
        return new InboundMessage(request, flow, System.nanoTime());
    }

    /** Answers each REGISTER 200 with its binding, as the registrar does. */
    private static final class AnsweringUser extends IgnoringTransactionUser {
        @Override
        public void onRequest(ServerTransaction transaction, InboundMessage request) {
            SipRequest register = (SipRequest) request.message();
            transaction.sendResponse(SipResponse.builderFor(register, 200, "OK")
                    .toTag(Long.toHexString(register.callId().hashCode() * 0x9E3779B97F4A7C15L))
                    .add(HeaderName.CONTACT, register.header(HeaderName.CONTACT) + ";expires=3600")
                    .add(HeaderName.DATE, "Wed, 01 Jan 2025 12:00:00 GMT")
                    .add(HeaderName.SERVER, "Switchboard/0.1")
                    .build());
        }
    }

    /** A transport that encodes what it is given, as the real one does, and keeps nothing. */
    private static final class DiscardingSender implements SipSender {
        volatile int lastLength;

        @Override
        public void sendRequest(SipRequest request, Destination destination, TransportErrorListener onError) {
            request.encode();
        }

        @Override
        public EncodedResponse encodeResponse(SipResponse response, Flow requestFlow) {
            Destination source = Destination.of(requestFlow.transport(), requestFlow.remote());
            byte[] bytes = response.encode();
            lastLength = bytes.length;
            return EncodedResponse.routed(bytes, response.statusCode(), response.callId(), source, requestFlow.local());
        }

        @Override
        public void sendResponse(EncodedResponse response, TransportErrorListener onError) {
        }
    }
}
