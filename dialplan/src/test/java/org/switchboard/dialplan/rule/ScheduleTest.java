package org.switchboard.dialplan.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.switchboard.core.spi.store.DialSchedule;
import org.switchboard.dialplan.pattern.RuleSyntaxException;

class ScheduleTest {

    private static Schedule schedule(String spec) {
        return RuleParser.schedule(new DialSchedule("s", spec));
    }

    @Test
    void officeHoursAreOpenOnWeekdaysWithinTheirTimesInTheirZone() {
        Schedule office = schedule("tz=Europe/Berlin; mon-fri 08:00-18:00; sat 09:00-12:00");

        // 2026-12-07 is a Monday; Berlin is UTC+1 in December
        assertThat(office.isOpen(Instant.parse("2026-12-07T07:00:00Z"))).isTrue();
        assertThat(office.isOpen(Instant.parse("2026-12-07T06:59:00Z"))).isFalse();
        assertThat(office.isOpen(Instant.parse("2026-12-07T16:59:00Z"))).isTrue();
        assertThat(office.isOpen(Instant.parse("2026-12-07T17:00:00Z"))).isFalse();
        assertThat(office.isOpen(Instant.parse("2026-12-12T10:00:00Z"))).isTrue();
        assertThat(office.isOpen(Instant.parse("2026-12-13T10:00:00Z"))).isFalse();
    }

    @Test
    void aWindowEndingBeforeItStartsRunsAcrossMidnightIntoTheNextDay() {
        Schedule night = schedule("fri 22:00-06:00");

        assertThat(night.isOpen(Instant.parse("2026-12-11T21:59:00Z"))).isFalse();
        assertThat(night.isOpen(Instant.parse("2026-12-11T23:30:00Z"))).isTrue();
        assertThat(night.isOpen(Instant.parse("2026-12-12T05:59:00Z"))).isTrue();
        assertThat(night.isOpen(Instant.parse("2026-12-12T06:00:00Z"))).isFalse();
        // Thursday night is not Friday night
        assertThat(night.isOpen(Instant.parse("2026-12-11T03:00:00Z"))).isFalse();
    }

    @Test
    void aDayRangeMayWrapAroundTheWeekend() {
        Schedule weekend = schedule("sat-sun 00:00-24:00");

        assertThat(weekend.isOpen(Instant.parse("2026-12-12T00:00:00Z"))).isTrue();
        assertThat(weekend.isOpen(Instant.parse("2026-12-13T23:59:00Z"))).isTrue();
        assertThat(weekend.isOpen(Instant.parse("2026-12-14T00:00:00Z"))).isFalse();
        assertThat(schedule("fri-mon 10:00-11:00").isOpen(Instant.parse("2026-12-13T10:30:00Z"))).isTrue();
    }

    @Test
    void aHolidayIsClosedAllDay() {
        Schedule office = schedule("daily 00:00-24:00; holidays=2026-12-24, 2026-12-25");

        assertThat(office.isOpen(Instant.parse("2026-12-23T23:59:00Z"))).isTrue();
        assertThat(office.isOpen(Instant.parse("2026-12-24T00:00:00Z"))).isFalse();
        assertThat(office.isOpen(Instant.parse("2026-12-25T18:00:00Z"))).isFalse();
        assertThat(office.isOpen(Instant.parse("2026-12-26T00:00:00Z"))).isTrue();
    }

    @Test
    void aBadPartIsNamedWithItsPosition() {
        assertThatThrownBy(() -> schedule("mon-fri 08:00-18:00; tz=Mars/Olympus"))
                .isInstanceOfSatisfying(RuleSyntaxException.class, e -> {
                    assertThat(e.field()).isEqualTo("schedule");
                    assertThat(e.position()).isEqualTo(21);
                });
        assertThatThrownBy(() -> schedule("mon-fri 08:00-25:00")).isInstanceOf(RuleSyntaxException.class);
        assertThatThrownBy(() -> schedule("holidays=2026-12-24")).isInstanceOf(RuleSyntaxException.class)
                .hasMessageContaining("at least one window");
    }
}
