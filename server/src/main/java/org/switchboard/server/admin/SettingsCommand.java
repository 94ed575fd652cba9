package org.switchboard.server.admin;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.switchboard.core.spi.settings.InvalidSettingException;
import org.switchboard.core.spi.settings.Section;
import org.switchboard.core.spi.settings.SettingState;
import org.switchboard.core.spi.settings.StoredSettings;
import org.switchboard.core.spi.store.StoreException;
import org.switchboard.server.data.Storage;
import org.switchboard.server.settings.SettingsRefresh;
import org.switchboard.server.settings.SettingsSections;
import org.switchboard.store.Database;
import org.switchboard.store.settings.JdbcSettingsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code settings list|set}: the live settings in the database. On the embedded database they run
 * while the server is stopped (it admits one process); on PostgreSQL also while servers run, which
 * take a change in within {@link SettingsRefresh#EVERY}. A setting a running server has pinned by a
 * flag or variable stays pinned there until it restarts without it.
 */
@Command(name = "settings", description = {"List or change the live settings kept in the database.",
    "On the embedded database, run it while the server is stopped; on PostgreSQL, running servers take a",
    "change within 5 seconds."}, subcommands = {SettingsCommand.List.class, SettingsCommand.Set.class},
        mixinStandardHelpOptions = true)
public final class SettingsCommand {

    @Command(name = "list", description = "List every setting (or one section's): value, default and where the "
            + "value comes from.")
    static final class List implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "SECTION", arity = "0..1", description = "A section, e.g. proxy")
        String only;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return withSettings(data.storage(), err, settings -> {
                java.util.List<Section<?>> sections = settings.sections().stream()
                        .filter(s -> only == null || s.name().equals(only)).toList();
                if (sections.isEmpty()) {
                    err.println("Error: no settings section " + only + "; sections are "
                            + settings.sections().stream().map(Section::name).toList());
                    return 1;
                }
                for (Section<?> section : sections) {
                    for (SettingState state : settings.describe(section)) {
                        out.println(state.setting().key() + " = " + state.value() + "  (default " + state.defaultValue()
                                + ", " + state.source().name().toLowerCase(Locale.ROOT) + ", applies "
                                + state.setting().applies().name().toLowerCase(Locale.ROOT) + "; "
                                + state.setting().expected() + ")");
                    }
                }
                return 0;
            });
        }
    }

    @Command(name = "set", description = "Change settings: SECTION.NAME=VALUE ..., all of one section at once.")
    static final class Set implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "SECTION.NAME=VALUE", arity = "1..*")
        java.util.List<String> assignments;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Map<String, String> values = new LinkedHashMap<>();
            String sectionName = null;
            for (String assignment : assignments) {
                int dot = assignment.indexOf('.');
                int eq = assignment.indexOf('=');
                if (dot < 1 || eq < dot + 2) {
                    err.println("Error: '" + assignment + "' is not SECTION.NAME=VALUE, e.g. proxy.ringTimeout=90s");
                    return 1;
                }
                String section = assignment.substring(0, dot);
                if (sectionName != null && !sectionName.equals(section)) {
                    err.println("Error: change one section at a time, not " + sectionName + " and " + section);
                    return 1;
                }
                sectionName = section;
                values.put(assignment.substring(dot + 1, eq), assignment.substring(eq + 1));
            }
            String name = sectionName;
            return withSettings(data.storage(), err, settings -> {
                Optional<Section<?>> section = settings.sections().stream().filter(s -> s.name().equals(name))
                        .findFirst();
                if (section.isEmpty()) {
                    err.println("Error: no settings section " + name + "; sections are "
                            + settings.sections().stream().map(Section::name).toList());
                    return 1;
                }
                try {
                    settings.update(section.get(), values, "admin command (" + System.getProperty("user.name")
                            + ")");
                } catch (InvalidSettingException e) {
                    err.println("Error: " + e.getMessage());
                    return 1;
                }
                out.println("Settings of " + name + " saved: " + values);
                return 0;
            });
        }
    }

    private interface Work {
        int run(StoredSettings settings);
    }

    /** Opens the live settings of the data directory's database, without the overrides of a running server. */
    private static int withSettings(Storage storage, PrintWriter err, Work work) {
        if (storage.embedded() && storage.serverRunning()) {
            return inUse(storage, err);
        }
        try (Database database = storage.openDatabase(2)) {
            StoredSettings settings = StoredSettings.open(new JdbcSettingsStore(database), SettingsSections.ALL,
                    java.util.List.of());
            return work.run(settings);
        } catch (StoreException e) {
            if (AdminSession.lockedByServer(e)) {
                return inUse(storage, err);
            }
            err.println("Error: " + e.getMessage());
            return 1;
        } catch (UncheckedIOException | IllegalArgumentException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        }
    }

    private static int inUse(Storage storage, PrintWriter err) {
        err.println("Error: the data directory " + storage.dataDir() + " is in use by a running Switchboard"
                + " server; stop the server first");
        return 1;
    }
}
