package org.switchboard.webadmin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.switchboard.core.spi.store.AdminRole;
import org.switchboard.testkit.time.ManualClock;

class SessionsTest {
    private static final Principal ALICE = new Principal("alice", AdminRole.SYSTEM_ADMIN, null);
    private final ManualClock clock = new ManualClock();
    private final Sessions sessions = new Sessions(clock, Duration.ofMinutes(30), Duration.ofHours(12), 3);

    @Test
    void aSessionEndsAfterTheIdleTimeoutButUseKeepsItAlive() {
        Session s = sessions.start(ALICE);
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.find(s.id())).isPresent();
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.find(s.id())).isPresent();

        clock.advance(Duration.ofMinutes(30));
        assertThat(sessions.find(s.id())).isEmpty();
    }

    @Test
    void aBusySessionStillEndsAtItsMaximumLifetime() {
        Session s = sessions.start(ALICE);
        for (int i = 0; i < 26; i++) {
            clock.advance(Duration.ofMinutes(29));
            sessions.find(s.id());
        }

        assertThat(sessions.find(s.id())).isEmpty();
    }

    @Test
    void logoutEndsTheSessionAndIdsAndCsrfTokensAreUnguessableAndDistinct() {
        Session a = sessions.start(ALICE);
        Session b = sessions.start(ALICE);
        sessions.end(a.id());

        assertThat(sessions.find(a.id())).isEmpty();
        assertThat(sessions.find(b.id())).isPresent();
        assertThat(a.id()).isNotEqualTo(b.id()).hasSize(43);
        assertThat(a.csrf()).isNotEqualTo(b.csrf()).isNotEqualTo(a.id());
    }

    @Test
    void beyondCapacityTheLongestIdleSessionEnds() {
        Session first = sessions.start(ALICE);
        clock.advance(1000);
        Session second = sessions.start(ALICE);
        clock.advance(1000);
        Session third = sessions.start(ALICE);
        clock.advance(1000);
        sessions.find(first.id());

        Session fourth = sessions.start(ALICE);

        assertThat(sessions.find(second.id())).isEmpty();
        assertThat(sessions.find(first.id())).isPresent();
        assertThat(sessions.find(third.id())).isPresent();
        assertThat(sessions.find(fourth.id())).isPresent();
    }
}
