package org.switchboard.nat.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class LatchTest {
    private static final InetSocketAddress SIGNALLED = new InetSocketAddress("192.168.1.20", 4000);
    private static final InetSocketAddress PUBLIC = new InetSocketAddress("198.51.100.7", 61000);
    private static final InetSocketAddress STRANGER = new InetSocketAddress("192.0.2.66", 7777);

    private final Latch latch = new Latch();

    @Test
    void theSameSdpAgainKeepsTheLatchAndANewAddressStartsLearningAgain() {
        latch.signal(SIGNALLED, 100);
        assertThat(latch.accept(PUBLIC, 50)).isTrue();

        latch.signal(SIGNALLED, 300); // a retransmitted 200 with the same SDP
        assertThat(latch.accept(STRANGER, 200)).isFalse();
        assertThat(latch.destination()).isEqualTo(PUBLIC);

        InetSocketAddress moved = new InetSocketAddress("192.168.1.21", 4002);
        latch.signal(moved, 500);
        assertThat(latch.destination()).isEqualTo(moved);
        assertThat(latch.accept(PUBLIC, 400)).isTrue();
    }

    @Test
    void onHoldThereIsNowhereToSend() {
        latch.signal(null, 100);

        assertThat(latch.destination()).isNull();
    }
}
