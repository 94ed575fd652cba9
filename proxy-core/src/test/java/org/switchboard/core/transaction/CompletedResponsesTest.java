package org.switchboard.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.EncodedResponse;
import org.switchboard.core.transport.Transport;

class CompletedResponsesTest {
    private static final long TIMER_J = 32_000;
    private static final InetSocketAddress LOCAL = new InetSocketAddress("192.0.2.1", 5060);

    private final TransactionCounters counters = new TransactionCounters();

    @Test
    void answersEveryKeptRequestWithItsOwnResponseAcrossManyChunks() {
        CompletedResponses store = new CompletedResponses(64L << 20, counters);
        int entries = 20_000; // about 10 MB: ten chunks
        for (int i = 0; i < entries; i++) {
            assertThat(store.keep(key(i), response(i, 400), 0, TIMER_J)).isTrue();
        }

        for (int i = 0; i < entries; i++) {
            EncodedResponse found = store.find(key(i), 1);
            assertThat(found).as("entry %d", i).isNotNull();
            assertThat(new String(found.bytes(), StandardCharsets.US_ASCII)).startsWith("SIP/2.0 200 OK #" + i + "\r\n");
            assertThat(found.bytes()).hasSize(400);
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(found.callId()).isEqualTo("call-" + i);
            assertThat(found.destination()).isEqualTo(destination(i));
            assertThat(found.localAddress()).isEqualTo(LOCAL);
        }
        assertThat(store.find(key(entries), 1)).isNull();
        assertThat(store.size()).isEqualTo(entries);
        assertThat(counters.completedKept()).isEqualTo(entries);
    }

    @Test
    void theKeyIsBranchSentByAndMethod() {
        CompletedResponses store = new CompletedResponses(4L << 20, counters);
        store.keep(new ServerTransactionKey.Branch("z9hG4bK1", "192.0.2.9:5060", "REGISTER"), response(1, 300), 0,
                TIMER_J);

        assertThat(store.find(new ServerTransactionKey.Branch("z9hG4bK1", "192.0.2.9:5060", "REGISTER"), 1))
                .isNotNull();
        assertThat(store.find(new ServerTransactionKey.Branch("z9hG4bK1", "192.0.2.9:5060", "OPTIONS"), 1)).isNull();
        assertThat(store.find(new ServerTransactionKey.Branch("z9hG4bK1", "192.0.2.9:5061", "REGISTER"), 1)).isNull();
        assertThat(store.find(new ServerTransactionKey.Branch("z9hG4bK2", "192.0.2.9:5060", "REGISTER"), 1)).isNull();
    }

    @Test
    void anEntryAnswersUntilItsTimerJAndNotFromThenOn() {
        CompletedResponses store = new CompletedResponses(4L << 20, counters);
        store.keep(key(1), response(1, 300), 1_000, 1_000 + TIMER_J);

        assertThat(store.find(key(1), 1_000 + TIMER_J - 1)).isNotNull();
        assertThat(store.find(key(1), 1_000 + TIMER_J)).isNull();
        assertThat(store.size()).isZero();
        assertThat(counters.completedKept()).isZero();
        assertThat(counters.completedEvictedEarly()).isZero();
    }

    @Test
    void memoryStaysBoundedUnderASteadyRateBecauseExpiredChunksAreReused() {
        CompletedResponses store = new CompletedResponses(1L << 30, counters);
        // 1,000 responses of 500 bytes a second for 100 s: Timer J holds about 16 MB of them at a time
        int i = 0;
        for (long now = 0; now < 100_000; now++) {
            store.keep(key(i), response(i, 500), now, now + TIMER_J);
            i++;
        }

        assertThat(store.allocatedBytes()).isLessThanOrEqualTo(20L << 20);
        assertThat(counters.completedEvictedEarly()).isZero();
        assertThat(store.find(key(i - 1), 100_000)).isNotNull();
        assertThat(store.find(key(i - (int) TIMER_J - 10), 100_000)).isNull();
    }

    @Test
    void afterAPeakTheIndexAndTheSpareChunksAreGivenBack() {
        CompletedResponses store = new CompletedResponses(64L << 20, counters);
        int initialSlots = store.indexSlots();
        for (int i = 0; i < 20_000; i++) {
            store.keep(key(i), response(i, 400), 0, TIMER_J);
        }
        assertThat(store.indexSlots()).isGreaterThanOrEqualTo(40_000);
        assertThat(store.allocatedBytes()).isGreaterThanOrEqualTo(8L * CompletedResponses.CHUNK_BYTES);

        store.expire(TIMER_J);

        assertThat(store.size()).isZero();
        assertThat(store.indexSlots()).isEqualTo(initialSlots);
        assertThat(store.allocatedBytes()).isEqualTo(2L * CompletedResponses.CHUNK_BYTES);
        store.keep(key(1), response(1, 400), TIMER_J, 2 * TIMER_J);
        assertThat(store.find(key(1), TIMER_J + 1)).isNotNull();
    }

    @Test
    void aSparseIndexShrinksAndStillFindsEveryLiveEntry() {
        CompletedResponses store = new CompletedResponses(64L << 20, counters);
        int perChunk = CompletedResponses.CHUNK_BYTES / 400;
        int entries = 10 * perChunk;
        for (int i = 0; i < entries; i++) {
            // all but the last chunk's entries expire at TIMER_J
            store.keep(key(i), response(i, 400), 0, i < 9 * perChunk ? TIMER_J : 3 * TIMER_J);
        }
        int peakSlots = store.indexSlots();

        store.expire(TIMER_J);

        assertThat(store.indexSlots()).isLessThan(peakSlots);
        assertThat(store.size()).isLessThan(store.indexSlots() / 2);
        for (int i = 9 * perChunk + 10; i < entries; i++) {
            assertThat(store.find(key(i), TIMER_J)).as("entry %d", i).isNotNull();
        }
        assertThat(store.find(key(0), TIMER_J)).isNull();
    }

    @Test
    void whenEveryChunkIsTakenTheOldestIsDroppedEarlyAndCounted() {
        CompletedResponses store = new CompletedResponses(2L * CompletedResponses.CHUNK_BYTES, counters);
        int perChunk = CompletedResponses.CHUNK_BYTES / 1_000;
        int entries = 3 * perChunk;
        for (int i = 0; i < entries; i++) {
            store.keep(key(i), response(i, 900), 0, TIMER_J);
        }

        assertThat(store.allocatedBytes()).isEqualTo(2L * CompletedResponses.CHUNK_BYTES);
        assertThat(counters.completedEvictedEarly()).isPositive();
        assertThat(store.find(key(0), 1)).isNull();
        assertThat(store.find(key(entries - 1), 1)).isNotNull();
        assertThat(counters.completedKept()).isEqualTo(entries - counters.completedEvictedEarly());
    }

    @Test
    void unroutableAndOversizedResponsesAreNotKept() {
        CompletedResponses store = new CompletedResponses(4L << 20, counters);

        assertThat(store.keep(key(1), EncodedResponse.unroutable(new byte[100], 200, "c", new Exception("no route")),
                0, TIMER_J)).isFalse();
        assertThat(store.keep(key(2), response(2, CompletedResponses.MAX_ENTRY_BYTES), 0, TIMER_J)).isFalse();
        assertThat(store.size()).isZero();
    }

    @Test
    void whenDirectMemoryRunsOutItMakesDoWithTheChunksItHas() {
        int[] allocations = {0};
        CompletedResponses store = new CompletedResponses(64L << 20, counters, size -> {
            if (allocations[0]++ >= 2) {
                throw new OutOfMemoryError("Cannot reserve direct buffer memory (test)");
            }
            return ByteBuffer.allocateDirect(size);
        });
        int entries = 3 * (CompletedResponses.CHUNK_BYTES / 1_000);

        for (int i = 0; i < entries; i++) {
            assertThat(store.keep(key(i), response(i, 900), 0, TIMER_J)).isTrue();
        }

        assertThat(store.allocatedBytes()).isEqualTo(2L * CompletedResponses.CHUNK_BYTES);
        assertThat(allocations[0]).as("no further attempt after the first refusal").isEqualTo(3);
        assertThat(counters.completedEvictedEarly()).isPositive();
        assertThat(store.find(key(entries - 1), 1)).isNotNull();
    }

    @Test
    void withNoDirectMemoryAtAllNothingIsKept() {
        CompletedResponses store = new CompletedResponses(64L << 20, counters, size -> {
            throw new OutOfMemoryError("Cannot reserve direct buffer memory (test)");
        });

        assertThat(store.keep(key(1), response(1, 300), 0, TIMER_J)).isFalse();
        assertThat(store.size()).isZero();
    }

    /** Against a plain map, with entries expiring in the order they came: the index stays exact. */
    @Test
    void findsExactlyWhatAMapWouldUnderRandomArrivalsAndExpiry() {
        CompletedResponses store = new CompletedResponses(256L << 20, counters);
        Map<Integer, Long> expiry = new HashMap<>();
        Random random = new Random(42);
        long now = 0;
        for (int i = 0; i < 50_000; i++) {
            now += random.nextInt(3);
            long expiresAt = now + 1_000;
            store.keep(key(i), response(i, 200 + random.nextInt(300)), now, expiresAt);
            expiry.put(i, expiresAt);
            int probe = random.nextInt(i + 1);
            boolean live = expiry.get(probe) > now;
            assertThat(store.find(key(probe), now) != null).as("entry %d at %d", probe, now).isEqualTo(live);
        }
    }

    private static ServerTransactionKey.Branch key(int i) {
        return new ServerTransactionKey.Branch("z9hG4bK-" + i, "10.0." + (i >> 8 & 255) + '.' + (i & 255) + ":5060",
                "REGISTER");
    }

    private static Destination destination(int i) {
        return Destination.of(Transport.UDP, new InetSocketAddress("10.0." + (i >> 8 & 255) + '.' + (i & 255),
                1024 + i % 60_000));
    }

    private static EncodedResponse response(int i, int length) {
        byte[] bytes = new byte[length];
        byte[] start = ("SIP/2.0 200 OK #" + i + "\r\n").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(start, 0, bytes, 0, start.length);
        return EncodedResponse.routed(bytes, 200, "call-" + i, destination(i), LOCAL);
    }
}
