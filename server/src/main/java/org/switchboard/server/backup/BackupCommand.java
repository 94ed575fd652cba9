package org.switchboard.server.backup;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.switchboard.server.admin.DataDirOption;
import org.switchboard.server.data.Storage;
import org.switchboard.store.Database;
import org.switchboard.core.spi.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard backup FILE}: a backup of the data directory into one new file, while the server
 * runs (it writes the backup itself, asked through {@link BackupRequests}) or while it is stopped. With
 * PostgreSQL it refuses and names the tools to use. Executed once by picocli on the command-line thread.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Back up the data directory (database, keys, configuration, registrations) into FILE.",
            "Works while the server runs, without stopping it, and while it is stopped."})
public final class BackupCommand implements Callable<Integer> {
    /** How long a running server may take to write the backup; it looks for requests every second. */
    private static final Duration SERVER_ANSWER = Duration.ofMinutes(10);

    private final String version;

    @Mixin
    DataDirOption data;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "FILE", description = "The backup file to create, e.g. switchboard-2025-03-01.zip; it must not exist.")
    Path file;

    /** @param version the Switchboard version, recorded in the backup */
    public BackupCommand(String version) {
        this.version = version;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Storage storage = data.storage();
        if (!storage.embedded()) {
            err.println("Error: the database is " + data.database() + ", not the embedded one; back it up with "
                    + "PostgreSQL's tools (pg_dump -Fc -f switchboard.dump DATABASE, or continuous archiving), "
                    + "and keep a copy of " + storage.keyFile() + ", without which the SIP passwords cannot be read");
            return 1;
        }
        try {
            if (storage.serverRunning()) {
                return inRunningServer(storage.dataDir(), out, err);
            }
            try (Database database = storage.openDatabase(2)) {
                out.println("Backed up " + new BackupWriter(Clock.systemUTC(), version)
                        .write(database, storage.dataDir(), file));
                return 0;
            }
        } catch (IOException | StoreException | UncheckedIOException e) {
            err.println("Error: backup into " + file + " failed: " + e.getMessage());
            return 1;
        }
    }

    private int inRunningServer(Path dataDir, PrintWriter out, PrintWriter err) throws IOException {
        BackupRequests requests = new BackupRequests(dataDir);
        try {
            Optional<BackupRequests.Outcome> outcome = requests.awaitOutcome(requests.submit(file), SERVER_ANSWER);
            if (outcome.isEmpty()) {
                err.println("Error: the server running on " + dataDir + " did not write the backup within "
                        + SERVER_ANSWER.toMinutes() + " minutes; it writes it when it takes the request");
                return 1;
            }
            if (!outcome.get().ok()) {
                err.println("Error: the running server could not write the backup: " + outcome.get().text());
                return 1;
            }
            out.println("Backed up by the running server: " + outcome.get().text());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Error: interrupted while waiting for the running server");
            return 1;
        }
    }
}
