package org.switchboard.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransactionLimitsTest {
    private static final long GIB = 1L << 30;

    @Test
    void defaultHeapOfTheBenchmarkMachineHoldsTheRegistrarTarget() {
        // 12,000 registrations a second, two transactions each, 32 s in Completed
        assertThat(TransactionLimits.forHeap(6 * GIB).maxTransactions()).isGreaterThan(770_000);
    }

    @Test
    void aThirdOfTheHeapAtTwoKilobytesEach() {
        assertThat(TransactionLimits.forHeap(3 * GIB).maxTransactions()).isEqualTo(524_288);
        assertThat(TransactionLimits.forHeap(3 * GIB).retryAfterSeconds()).isEqualTo(5);
    }

    @Test
    void smallAndUnboundedHeapsAreClamped() {
        assertThat(TransactionLimits.forHeap(16L << 20).maxTransactions()).isEqualTo(10_000);
        assertThat(TransactionLimits.forHeap(Long.MAX_VALUE).maxTransactions()).isEqualTo(4_000_000);
    }

    @Test
    void defaultsFollowThisJvmsHeap() {
        assertThat(TransactionLimits.DEFAULTS)
                .isEqualTo(TransactionLimits.forHeap(Runtime.getRuntime().maxMemory()));
    }
}
