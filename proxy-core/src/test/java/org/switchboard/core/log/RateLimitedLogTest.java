package org.switchboard.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RateLimitedLogTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger("test.ratelimited");
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private long nanos = 1_000;

    @BeforeEach
    void attach() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(log);
        logger.setLevel(null);
    }

    @Test
    void logsTheFirstOccurrenceAtOnceThenAtMostOneLinePerIntervalWithTheCountSinceTheLastLine() {
        logger.setLevel(Level.INFO);
        RateLimitedLog limited = new RateLimitedLog(logger, RateLimitedLog.Level.WARN, "Requests dropped",
                Duration.ofSeconds(10), () -> nanos);
        int[] details = {0};

        limited.occurred(() -> "call-1");
        for (int i = 2; i <= 400; i++) {
            nanos += TimeUnit.MILLISECONDS.toNanos(25);
            String detail = "call-" + i;
            limited.occurred(() -> {
                details[0]++;
                return detail;
            });
        }
        nanos += TimeUnit.MILLISECONDS.toNanos(25); // 10 s after the first line
        limited.occurred(() -> "call-401");

        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "Requests dropped: 1 since the last such line (at most one every 10 s); last: call-1",
                "Requests dropped: 400 since the last such line (at most one every 10 s); last: call-401");
        assertThat(log.list).extracting(ILoggingEvent::getLevel).containsOnly(Level.WARN);
        assertThat(details[0]).as("details computed for lines not logged").isZero();
    }

    @Test
    void writesEveryOccurrenceAtDebugWhenDebugIsOn() {
        logger.setLevel(Level.DEBUG);
        RateLimitedLog limited = new RateLimitedLog(logger, RateLimitedLog.Level.INFO, "Dropped messages",
                Duration.ofMinutes(1), () -> nanos);

        limited.occurred(() -> "garbage from A");
        limited.occurred(() -> "garbage from B");

        assertThat(log.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.INFO, Level.DEBUG);
        assertThat(log.list.get(1).getFormattedMessage()).isEqualTo("Dropped messages: garbage from B");
    }
}
