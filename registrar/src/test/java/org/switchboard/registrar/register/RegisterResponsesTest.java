package org.switchboard.registrar.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RegisterResponsesTest {

    @Test
    void dateIsRfc1123InGmtWithATwoDigitDay() {
        assertThat(RegisterResponses.date(Instant.parse("2026-03-05T07:08:09.750Z")))
                .isEqualTo("Thu, 05 Mar 2026 07:08:09 GMT");
    }

    @Test
    void dateFollowsTheClockFromOneSecondToTheNext() {
        String first = RegisterResponses.date(Instant.parse("2026-11-23T23:59:59.001Z"));
        String same = RegisterResponses.date(Instant.parse("2026-11-23T23:59:59.999Z"));
        String next = RegisterResponses.date(Instant.parse("2026-11-24T00:00:00Z"));
        String earlier = RegisterResponses.date(Instant.parse("2026-11-23T23:59:59.500Z"));

        assertThat(first).isEqualTo("Mon, 23 Nov 2026 23:59:59 GMT").isEqualTo(same).isEqualTo(earlier);
        assertThat(next).isEqualTo("Tue, 24 Nov 2026 00:00:00 GMT");
    }
}
