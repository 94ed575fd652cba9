package org.switchboard.core.proxy;

import static org.switchboard.core.spi.settings.Applies.When.LIVE;

import java.time.Duration;
import java.util.Objects;
import org.switchboard.core.spi.settings.Applies;
import org.switchboard.core.spi.settings.Section;

/**
 * The proxy's timers and redirect policy as a live settings section ({@code proxy}): the parts of
 * {@link ProxySettings} an admin changes while the server runs. The proxy reads them for each
 * request and branch, so a change applies to the next call. Immutable.
 *
 * @param timerC as {@link ProxySettings#timerC()}
 * @param groupTimeout as {@link ProxySettings#groupTimeout()}
 * @param ringTimeout as {@link ProxySettings#ringTimeout()}
 * @param followRedirects as {@link ProxySettings#followRedirects()}
 * @param maxRedirects as {@link ProxySettings#maxRedirects()}
 * @param firstResponseTimeout as {@link ProxySettings#firstResponseTimeout()}
 */
public record ProxyTimes(@Applies(LIVE) Duration timerC, @Applies(LIVE) Duration groupTimeout,
        @Applies(LIVE) Duration ringTimeout, @Applies(LIVE) boolean followRedirects, @Applies(LIVE) int maxRedirects,
        @Applies(LIVE) Duration firstResponseTimeout) {

    /** The section, with the defaults of {@link ProxySettings#DEFAULTS}. */
    public static final Section<ProxyTimes> SECTION = Section.of("proxy", ProxyTimes.class,
            of(ProxySettings.DEFAULTS));

    /** The same checks as {@link ProxySettings}, naming the setting that fails them. */
    public ProxyTimes {
        positive("timerC", timerC);
        positive("groupTimeout", groupTimeout);
        positive("ringTimeout", ringTimeout);
        positive("firstResponseTimeout", firstResponseTimeout);
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must be 0 or more, not " + maxRedirects);
        }
    }

    /** The timers and redirect policy of {@code settings}. */
    public static ProxyTimes of(ProxySettings settings) {
        return new ProxyTimes(settings.timerC(), settings.groupTimeout(), settings.ringTimeout(),
                settings.followRedirects(), settings.maxRedirects(), settings.firstResponseTimeout());
    }

    /** This record with another ring time. */
    public ProxyTimes withRingTimeout(Duration newRingTimeout) {
        return new ProxyTimes(timerC, groupTimeout, newRingTimeout, followRedirects, maxRedirects,
                firstResponseTimeout);
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }
}
