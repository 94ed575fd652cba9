package org.switchboard.accounts.bruteforce;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.spi.store.PrivateFiles;

/**
 * Ban lifts an admin asks for while the server runs, passed through a directory of the data
 * directory, since the embedded database admits one process: the command line leaves a request file
 * {@code <id>.lift} holding an IP address (written whole, then renamed into place), the running
 * server takes it within a second, lifts the ban, deletes the request and leaves the outcome in
 * {@code <id>.done} ({@value #LIFTED} or {@value #NO_BAN}), which the command line reads and deletes.
 * The directory is the data directory's, readable by its owner only, so only who may change the data
 * may lift a ban. Blocks (file system); thread-safe as far as the file system is.
 */
public final class BanLiftRequests {
    private static final Logger LOG = LoggerFactory.getLogger(BanLiftRequests.class);
    /** The outcome of a lift that ended a ban in force. */
    public static final String LIFTED = "lifted";
    /** The outcome of a lift of an address that had no ban in force. */
    public static final String NO_BAN = "no ban";
    private static final String REQUEST = ".lift";
    private static final String OUTCOME = ".done";
    private static final Duration POLL = Duration.ofMillis(100);

    private final Path dir;

    /** @param dir the request directory, created owner-only on first use */
    public BanLiftRequests(Path dir) {
        this.dir = dir;
    }

    /**
     * Leaves a request to lift the ban of {@code source} for the running server.
     *
     * @return the request's id, for {@link #awaitOutcome}
     */
    public String submit(InetAddress source) throws IOException {
        PrivateFiles.createSubdirectory(dir);
        String id = UUID.randomUUID().toString();
        Path tmp = Files.createTempFile(dir, id, ".tmp", PrivateFiles.ownerOnlyFile(dir));
        try {
            Files.writeString(tmp, source.getHostAddress(), StandardCharsets.US_ASCII);
            Files.move(tmp, dir.resolve(id + REQUEST), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return id;
    }

    /**
     * Waits for the server's outcome of request {@code id}, and deletes it.
     *
     * @return {@value #LIFTED} or {@value #NO_BAN}, or empty if the server did not take the request
     *     within {@code timeout} (it stays, for the server to take later)
     */
    public Optional<String> awaitOutcome(String id, Duration timeout) throws IOException, InterruptedException {
        Path outcome = dir.resolve(id + OUTCOME);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (Files.exists(outcome)) {
                String text = Files.readString(outcome, StandardCharsets.US_ASCII).strip();
                Files.deleteIfExists(outcome);
                return Optional.of(text);
            }
            if (System.nanoTime() >= deadline) {
                return Optional.empty();
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /**
     * Takes every request waiting: lifts its ban with {@code lift} (which says whether a ban was in
     * force), leaves the outcome and deletes the request. A request that is not an IP address is
     * deleted with a warning. Never throws: a failure is logged and the request is taken next time.
     */
    public void takeAll(Predicate<InetAddress> lift) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> requests = Files.newDirectoryStream(dir, "*" + REQUEST)) {
            for (Path request : requests) {
                take(request, lift);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not read the ban lift requests in {}: {}", dir, e.toString());
        }
    }

    private void take(Path request, Predicate<InetAddress> lift) throws IOException {
        String name = request.getFileName().toString();
        String id = name.substring(0, name.length() - REQUEST.length());
        String text = Files.readString(request, StandardCharsets.US_ASCII).strip();
        InetAddress source;
        try {
            source = Cidr.address(text);
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring ban lift request {}: '{}' is not an IP address", request, text);
            Files.deleteIfExists(request);
            return;
        }
        String outcome = lift.test(source) ? LIFTED : NO_BAN;
        Path tmp = Files.createTempFile(dir, id, ".tmp", PrivateFiles.ownerOnlyFile(dir));
        try {
            Files.writeString(tmp, outcome, StandardCharsets.US_ASCII);
            Files.move(tmp, dir.resolve(id + OUTCOME), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        Files.deleteIfExists(request);
        LOG.info("Ban lift of {} asked from the command line: {}", source.getHostAddress(), outcome);
    }
}
