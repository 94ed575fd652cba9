package org.switchboard.server.sipp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SippStatisticsTest {
    private static final String HEADER = "StartTime;CurrentCall;SuccessfulCall(P);SuccessfulCall(C);"
            + "FailedCall(P);FailedCall(C);FailedRegexpDoesntMatch(C)";

    @Test
    void lastLineHoldsCumulativeCounts() {
        SippStatistics statistics = SippStatistics.parse(List.of(
                HEADER,
                "2026-01-01 10:00:00;0;0;0;0;0;0",
                "2026-01-01 10:00:01;1;4;4;1;1;1",
                "2026-01-01 10:00:02;0;3;7;0;1;1",
                ""));

        assertThat(statistics).isEqualTo(new SippStatistics(7, 1));
    }

    @Test
    void fileWithoutDataIsRejected() {
        assertThatThrownBy(() -> SippStatistics.parse(List.of(HEADER)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fileWithoutCallCountsIsRejected() {
        assertThatThrownBy(() -> SippStatistics.parse(List.of("StartTime;CurrentCall", "x;0")))
                .hasMessageContaining("SuccessfulCall(C)");
    }
}
