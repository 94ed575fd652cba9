package org.switchboard.server.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.spi.store.PrivateFiles;

/**
 * Backups an admin asks for while the server runs, passed through the directory {@value #DIR} of the
 * data directory, since the embedded database admits one process: the command line leaves a request
 * file {@code <id>.backup} holding the absolute path of the backup file to write (written whole, then
 * renamed into place); the running server takes it within a second, writes the backup, and leaves
 * the outcome in {@code <id>.done}: {@code ok <what>} or {@code error <why>}, which the command line
 * reads and deletes. The directory is the data directory's, owner-only, as the ban lifts' are. Blocks
 * (file system); thread-safe as far as the file system is.
 */
public final class BackupRequests {
    /** The directory's name in the data directory. */
    public static final String DIR = "backup-requests";
    private static final Logger LOG = LoggerFactory.getLogger(BackupRequests.class);
    private static final String REQUEST = ".backup";
    private static final String OUTCOME = ".done";
    private static final String OK = "ok ";
    private static final String ERROR = "error ";
    private static final Duration POLL = Duration.ofMillis(100);

    private final Path dir;

    /** @param dataDir the data directory; the request directory is created in it, owner-only, on first use */
    public BackupRequests(Path dataDir) {
        this.dir = dataDir.resolve(DIR);
    }

    /** What became of a request: the backup's description, or why it failed. */
    public record Outcome(boolean ok, String text) {
    }

    /**
     * Leaves a request to back up into {@code target}.
     *
     * @return the request's id, for {@link #awaitOutcome}
     */
    public String submit(Path target) throws IOException {
        PrivateFiles.createSubdirectory(dir);
        String id = UUID.randomUUID().toString();
        write(id + REQUEST, target.toAbsolutePath().toString());
        return id;
    }

    /**
     * Waits for the server's outcome of request {@code id}, and deletes it.
     *
     * @return the outcome, or empty if the server did not take the request within {@code timeout} (it
     *     stays, for the server to take later)
     */
    public Optional<Outcome> awaitOutcome(String id, Duration timeout) throws IOException, InterruptedException {
        Path outcome = dir.resolve(id + OUTCOME);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(outcome)) {
            if (System.nanoTime() >= deadline) {
                return Optional.empty();
            }
            Thread.sleep(POLL.toMillis());
        }
        String text = Files.readString(outcome, StandardCharsets.UTF_8);
        Files.deleteIfExists(outcome);
        return Optional.of(text.startsWith(OK) ? new Outcome(true, text.substring(OK.length()))
                : new Outcome(false, text.startsWith(ERROR) ? text.substring(ERROR.length()) : text));
    }

    /** What the server does with one request: writes the backup to the path and describes it. */
    @FunctionalInterface
    public interface Backup {
        String to(Path target) throws Exception;
    }

    /**
     * Takes every request waiting: runs {@code backup}, leaves the outcome and deletes the request.
     * Never throws: a failure of the backup is the request's outcome, one of the directory is logged
     * and the request taken next time.
     */
    public void takeAll(Backup backup) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> requests = Files.newDirectoryStream(dir, "*" + REQUEST)) {
            for (Path request : requests) {
                take(request, backup);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not read the backup requests in {}: {}", dir, e.toString());
        }
    }

    private void take(Path request, Backup backup) throws IOException {
        String name = request.getFileName().toString();
        String id = name.substring(0, name.length() - REQUEST.length());
        Path target = Path.of(Files.readString(request, StandardCharsets.UTF_8).strip());
        String outcome;
        try {
            outcome = OK + backup.to(target);
            LOG.info("Backup asked from the command line: {}", outcome.substring(OK.length()));
        } catch (Exception e) {
            outcome = ERROR + e.getMessage();
            LOG.warn("Backup into {} asked from the command line failed: {}", target, e.toString());
        }
        write(id + OUTCOME, outcome);
        Files.deleteIfExists(request);
    }

    private void write(String name, String text) throws IOException {
        Path tmp = Files.createTempFile(dir, name, ".tmp", PrivateFiles.ownerOnlyFile(dir));
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
