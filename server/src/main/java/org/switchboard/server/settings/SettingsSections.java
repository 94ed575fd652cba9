package org.switchboard.server.settings;

import java.util.List;
import org.switchboard.core.proxy.ProxyTimes;
import org.switchboard.core.spi.settings.Section;
import org.switchboard.nat.detect.NatSettings;
import org.switchboard.nat.media.RtpSettings;
import org.switchboard.pnp.devices.PnpPolicy;
import org.switchboard.presence.plugin.PresenceSettings;
import org.switchboard.registrar.register.ExpiryRules;
import org.switchboard.store.calls.CallRecordPolicy;

/** The live settings sections of the server, for the server and the admin command alike. */
public final class SettingsSections {
    /** Every section, each name once. */
    public static final List<Section<?>> ALL = List.of(ProxyTimes.SECTION, ExpiryRules.SECTION,
            NatSettings.SECTION, RtpSettings.SECTION, PresenceSettings.SECTION, PnpPolicy.SECTION,
            CallRecordPolicy.SECTION);

    private SettingsSections() {
    }
}
