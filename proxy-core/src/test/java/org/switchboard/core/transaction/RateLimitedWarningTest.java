package org.switchboard.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RateLimitedWarningTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger("test.ratelimited");
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private long nanos = 1_000;

    @AfterEach
    void detach() {
        logger.detachAppender(log);
    }

    @Test
    void logsTheFirstOccurrenceAtOnceThenAtMostOneLinePerIntervalWithTheCountSinceTheLastLine() {
        log.start();
        logger.addAppender(log);
        RateLimitedWarning warning = new RateLimitedWarning(logger, "requests dropped", 10_000, () -> nanos);
        int[] details = {0};

        warning.occurred(() -> "call-1");
        for (int i = 2; i <= 400; i++) {
            nanos += TimeUnit.MILLISECONDS.toNanos(25);
            String detail = "call-" + i;
            warning.occurred(() -> {
                details[0]++;
                return detail;
            });
        }
        nanos += TimeUnit.MILLISECONDS.toNanos(25); // 10 s after the first line
        warning.occurred(() -> "call-401");

        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "1 requests dropped since the last such line (at most one every 10 s); last: call-1",
                "400 requests dropped since the last such line (at most one every 10 s); last: call-401");
        assertThat(details[0]).as("details computed for lines not logged").isZero();
    }
}
