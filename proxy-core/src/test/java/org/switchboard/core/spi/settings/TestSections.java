package org.switchboard.core.spi.settings;

import static org.switchboard.core.spi.settings.Applies.When.LIVE;
import static org.switchboard.core.spi.settings.Applies.When.RESTART;

import java.time.Duration;
import java.util.List;

/** Sections the settings tests share, shaped like the proxy's and the registrar's. */
final class TestSections {
    private TestSections() {
    }

    /** Like the proxy's: two live settings and one read at start. */
    record Ringing(@Applies(LIVE) Duration ringTimeout, @Applies(LIVE) boolean followRedirects,
            @Applies(RESTART) int threads) {
        Ringing {
            if (ringTimeout == null || ringTimeout.isZero() || ringTimeout.isNegative()) {
                throw new IllegalArgumentException("ringTimeout must be a positive duration, not " + ringTimeout);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, not " + threads);
            }
        }

        Ringing withRingTimeout(Duration d) {
            return new Ringing(d, followRedirects, threads);
        }

        Ringing withThreads(int n) {
            return new Ringing(ringTimeout, followRedirects, n);
        }
    }

    static final Section<Ringing> RINGING = Section.of("proxy", Ringing.class,
            new Ringing(Duration.ofSeconds(120), true, 4));

    /** Like the registrar's: settings that must fit together. */
    record Expiry(@Applies(LIVE) long minSeconds, @Applies(LIVE) long defaultSeconds, @Applies(LIVE) long maxSeconds) {
        Expiry {
            if (minSeconds < 1 || defaultSeconds < minSeconds || maxSeconds < defaultSeconds) {
                throw new IllegalArgumentException("expiry needs 1 <= minSeconds <= defaultSeconds <= maxSeconds, got "
                        + minSeconds + ", " + defaultSeconds + ", " + maxSeconds);
            }
        }
    }

    static final Section<Expiry> EXPIRY = Section.of("registrar", Expiry.class, new Expiry(60, 3600, 86_400));

    enum BanAction { DROP, REJECT_WITH_403 }

    /** One setting of every supported type. */
    record Everything(@Applies(LIVE) String host, @Applies(LIVE) int count, @Applies(RESTART) long big,
            @Applies(LIVE) boolean on, @Applies(LIVE) Duration delay, @Applies(LIVE) BanAction action,
            @Applies(RESTART) List<String> interfaces) {
        Everything {
            interfaces = List.copyOf(interfaces);
        }
    }

    static final Section<Everything> EVERYTHING = Section.of("everything", Everything.class,
            new Everything("", 1, 1L << 40, false, Duration.ofMillis(1500), BanAction.DROP, List.of()));
}
