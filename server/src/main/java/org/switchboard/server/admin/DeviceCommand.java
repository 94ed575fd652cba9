package org.switchboard.server.admin;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.switchboard.core.spi.store.Device;
import org.switchboard.core.spi.store.DeviceLine;
import org.switchboard.core.spi.store.DeviceMacs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code device list|assign|remove|firmware}: the phones provisioned by plug-and-play, their users
 * and the firmware image per model. The server adds {@code device url}, which needs the
 * provisioning module.
 */
@Command(name = "device", description = "Manage provisioned phones (run while the server is stopped).",
        subcommands = {DeviceCommand.List.class, DeviceCommand.Assign.class, DeviceCommand.Remove.class,
            DeviceCommand.Firmware.class},
        mixinStandardHelpOptions = true)
public final class DeviceCommand {

    @Command(name = "list", description = {"List the phones: MAC, vendor, model, firmware, IP address, first and",
        "last seen, last provisioned, and the assigned user or 'discovered'."})
    static final class List implements Callable<Integer> {
        private static final String[] HEADER = {"MAC", "VENDOR", "MODEL", "FIRMWARE", "IP", "FIRST SEEN", "LAST SEEN",
            "LAST PROVISIONED", "USER"};

        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return AdminSession.run(data.storage(), spec.commandLine().getErr(), s -> {
                java.util.List<String[]> rows = new ArrayList<>();
                rows.add(HEADER);
                for (Device d : s.devices().list()) {
                    rows.add(new String[] {d.mac(), orDash(d.vendor()), orDash(d.model()), orDash(d.firmwareVersion()),
                        orDash(d.ipAddress()), time(d.firstSeen()), time(d.lastSeen()), time(d.lastProvisioned()),
                        d.assigned() ? d.lines().stream().map(DeviceLine::address).collect(Collectors.joining(","))
                                : "discovered"});
                }
                print(spec.commandLine().getOut(), rows);
                return 0;
            });
        }

        /** Columns padded to their widest cell, two spaces apart; the last one is not padded. */
        private static void print(PrintWriter out, java.util.List<String[]> rows) {
            int[] widths = new int[HEADER.length];
            for (String[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    widths[i] = Math.max(widths[i], row[i].length());
                }
            }
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < row.length - 1; i++) {
                    line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
                }
                out.println(line.append(row[row.length - 1]));
            }
        }

        private static String orDash(String value) {
            return value == null || value.isEmpty() ? "-" : value;
        }

        private static String time(Instant instant) {
            return instant == null ? "-" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
        }
    }

    @Command(name = "assign", description = {"Assign a user to a phone's first line, e.g. 000413aabbcc 201@example.com.",
        "A phone not seen yet is added, so it is provisioned when it first asks."})
    static final class Assign implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "MAC")
        String mac;
        @Parameters(index = "1", paramLabel = "USER@DOMAIN")
        String address;

        @Override
        public Integer call() {
            return AdminSession.run(data.storage(), spec.commandLine().getErr(), s -> {
                String[] a = Addresses.split(address);
                Device device = s.devices().assign(mac, a[1], a[0]);
                DeviceLine line = device.line(DeviceLine.FIRST).orElseThrow();
                spec.commandLine().getOut().println("Device " + device.mac() + " assigned to " + line.address()
                        + (device.firstSeen() == null ? " (not seen yet; it is provisioned when it first asks)" : ""));
                return 0;
            });
        }
    }

    @Command(name = "remove", description = "Remove a phone and its assignment (its user stays).")
    static final class Remove implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "MAC")
        String mac;

        @Override
        public Integer call() {
            return AdminSession.run(data.storage(), spec.commandLine().getErr(), s -> {
                s.devices().remove(mac);
                spec.commandLine().getOut().println("Device " + DeviceMacs.canonical(mac) + " removed");
                return 0;
            });
        }
    }

    @Command(name = "firmware", description = {"Set the firmware image for a phone model, e.g. snomD785",
        "https://fw.example.com/snomD785-10.1.159.12-SIP-r.bin; phones of that model are pointed at it.",
        "--clear removes it; without arguments, lists the models with firmware."})
    static final class Firmware implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL")
        String model;
        @Parameters(index = "1", arity = "0..1", paramLabel = "URL")
        String url;
        @Option(names = "--clear", description = "Remove the model's firmware image.")
        boolean clear;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (model == null ? clear || url != null : clear == (url != null)) {
                spec.commandLine().getErr().println("Error: give MODEL URL, MODEL --clear, or nothing to list");
                return 1;
            }
            return AdminSession.run(data.storage(), spec.commandLine().getErr(), s -> {
                if (model == null) {
                    for (Map.Entry<String, String> e : s.devices().firmware().entrySet()) {
                        out.println(e.getKey() + "  " + e.getValue());
                    }
                } else if (clear) {
                    s.devices().clearFirmware(model);
                    out.println("Firmware for model " + model.strip() + " cleared");
                } else {
                    s.devices().setFirmware(model, url);
                    out.println("Firmware for model " + model.strip() + " set to " + url);
                }
                return 0;
            });
        }
    }
}
