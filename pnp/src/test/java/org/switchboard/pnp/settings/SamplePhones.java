package org.switchboard.pnp.settings;

import java.util.List;
import org.switchboard.pnp.MacAddress;
import org.switchboard.pnp.settings.PhoneSettingsModel.BusyLampKey;
import org.switchboard.pnp.settings.PhoneSettingsModel.Device;
import org.switchboard.pnp.settings.PhoneSettingsModel.DirectoryEntry;
import org.switchboard.pnp.settings.PhoneSettingsModel.Line;

/** Settings of example phones, for tests. */
public final class SamplePhones {
    public static final MacAddress ALICE_MAC = MacAddress.parse("000413A1B2C3").orElseThrow();

    private SamplePhones() {
    }

    /** Alice's snom D785: two lines, two busy-lamp keys, a directory and firmware. */
    public static PhoneSettingsModel alice() {
        return new PhoneSettingsModel(
                new Device(ALICE_MAC, "snomD785"),
                List.of(
                        new Line("201", "Alice Adams", "S3cret!", "pbx.example.com", "pbx.example.com:5060;transport=tcp",
                                3600),
                        new Line("299", "Support", "Hotline9", "pbx.example.com", null, 600)),
                "English", "GER+1", "ntp.example.com", "k7Qx2mZp",
                List.of(new BusyLampKey("Bob", "202", "pbx.example.com", "**"),
                        new BusyLampKey("Carol", "203", "pbx.example.com", "**")),
                List.of(new DirectoryEntry("Bob Brown", "202"), new DirectoryEntry("Carol Clark", "203")),
                "http://fw.example.com/snom/snomD785-10.1.54.bin");
    }

    /** A phone whose display name needs escaping in XML. */
    public static PhoneSettingsModel withDisplayName(String displayName) {
        PhoneSettingsModel a = alice();
        Line first = a.lines().get(0);
        Line renamed = new Line(first.userName(), displayName, first.password(), first.registrarHost(),
                first.outboundProxy(), first.expirySeconds());
        return new PhoneSettingsModel(a.device(), List.of(renamed), a.language(), a.timezone(), a.ntpServer(),
                a.adminPassword(), a.busyLampKeys(), a.directory(), a.firmwareUrl());
    }
}
