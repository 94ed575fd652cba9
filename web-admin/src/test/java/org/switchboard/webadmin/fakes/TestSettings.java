package org.switchboard.webadmin.fakes;

import static org.switchboard.core.spi.settings.Applies.When.LIVE;
import static org.switchboard.core.spi.settings.Applies.When.RESTART;

import java.time.Duration;
import java.util.List;
import org.switchboard.core.spi.settings.Applies;
import org.switchboard.core.spi.settings.InMemorySettingsStore;
import org.switchboard.core.spi.settings.Section;
import org.switchboard.core.spi.settings.SettingOverride;
import org.switchboard.core.spi.settings.Settings;
import org.switchboard.core.spi.settings.StoredSettings;

/** Live settings of one section for page and API tests: two live, one pinned live, one restart. */
public final class TestSettings {

    /** The test section, {@code proxy}. */
    public record Proxy(@Applies(LIVE) Duration ringTimeout, @Applies(LIVE) String greeting,
            @Applies(LIVE) int maxForwards, @Applies(RESTART) int workers) {
        public Proxy {
            if (ringTimeout.isNegative() || ringTimeout.isZero()) {
                throw new IllegalArgumentException("ringTimeout must be positive");
            }
        }
    }

    public static final Section<Proxy> SECTION = Section.of("proxy", Proxy.class,
            new Proxy(Duration.ofSeconds(180), "hello", 70, 4));

    private TestSettings() {
    }

    /** The settings, with {@code proxy.maxForwards} pinned by a flag. */
    public static Settings create() {
        return StoredSettings.open(new InMemorySettingsStore(), List.of(SECTION),
                List.of(new SettingOverride("proxy.maxForwards", "20", "--proxy-max-forwards")));
    }
}
