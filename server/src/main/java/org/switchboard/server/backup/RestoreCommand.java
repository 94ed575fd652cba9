package org.switchboard.server.backup;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.switchboard.server.admin.DataDirOption;
import org.switchboard.server.data.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard restore FILE}: checks a backup and restores it into the data directory of a
 * stopped server ({@link BackupRestorer}). Executed once by picocli on the command-line thread.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Check a backup and restore it into the data directory; the server must be stopped.",
            "The data it replaces is moved into before-restore-<time> in the data directory."})
public final class RestoreCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "FILE", description = "A backup written by 'switchboard backup'.")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Storage storage = data.storage();
        if (!storage.embedded()) {
            err.println("Error: the database is " + data.database() + ", not the embedded one; restore it with "
                    + "PostgreSQL's tools (pg_restore), and put the saved " + Storage.KEY_FILE + " into "
                    + storage.dataDir());
            return 1;
        }
        try {
            if (storage.serverRunning()) {
                err.println("Error: a Switchboard server runs on " + storage.dataDir() + "; stop it before restoring");
                return 1;
            }
            out.println(new BackupRestorer(Clock.systemUTC()).restore(file, storage.dataDir()));
            return 0;
        } catch (IOException | UncheckedIOException e) {
            err.println("Error: not restored: " + e.getMessage());
            return 1;
        }
    }
}
