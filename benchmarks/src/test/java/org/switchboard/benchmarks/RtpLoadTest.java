package org.switchboard.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.switchboard.nat.media.MediaRelay;
import org.switchboard.nat.media.PortRange;

class RtpLoadTest {

    @Test
    void everyPacketOfEachPhoneComesBackThroughTheRelayAndThePortsAreFreed() throws Exception {
        try (MediaRelay relay = MediaRelay.start(new PortRange(37000, 37099), 1)) {
            RtpLoad.Result result = RtpLoad.run(relay, 3, 1);

            assertThat(result.sent()).isEqualTo(3 * 2 * 50);
            assertThat(result.received()).isEqualTo(result.sent());
            assertThat(relay.calls()).isZero();
            assertThat(result.toString()).contains("300 of 300 packets back (loss 0.000 %)");
        }
    }
}
