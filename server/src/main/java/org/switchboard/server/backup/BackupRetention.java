package org.switchboard.server.backup;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scheduled backups in their directory: their names ({@code switchboard-20250301-030000Z.zip},
 * the UTC time they were taken, so that names sort by age), the newest of them, and the deletion of
 * all but the newest few. Only files named so are ever deleted; whatever else the directory holds,
 * a backup copied there by hand among them, is left alone. Blocks (file system); one caller at a time.
 */
final class BackupRetention {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("switchboard-(\\d{8}-\\d{6}Z)\\.zip");

    private final Path dir;
    private final int keep;

    /** @param keep how many of the newest scheduled backups to keep, at least 1 */
    BackupRetention(Path dir, int keep) {
        this.dir = dir;
        this.keep = keep;
    }

    Path dir() {
        return dir;
    }

    int keep() {
        return keep;
    }

    /** The file a backup taken at {@code at} goes to. */
    Path fileFor(Instant at) {
        return dir.resolve("switchboard-" + STAMP.format(at) + ".zip");
    }

    /** The scheduled backups in the directory, newest first; none if the directory does not exist yet. */
    List<Path> backups() throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                if (NAME.matcher(file.getFileName().toString()).matches() && Files.isRegularFile(file)) {
                    found.add(file);
                }
            }
        }
        found.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        return found;
    }

    /** When the newest scheduled backup in the directory was taken, from its name. */
    Optional<Instant> newest() throws IOException {
        List<Path> backups = backups();
        return backups.isEmpty() ? Optional.empty() : Optional.of(takenAt(backups.get(0)));
    }

    /** When a scheduled backup was taken, from its name. */
    static Instant takenAt(Path backup) {
        Matcher m = NAME.matcher(backup.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(backup + " is not named as a scheduled backup");
        }
        return STAMP.parse(m.group(1), Instant::from);
    }

    /**
     * Deletes all but the {@code keep} newest scheduled backups.
     *
     * @return the files deleted
     */
    List<Path> prune() throws IOException {
        List<Path> backups = backups();
        List<Path> deleted = new ArrayList<>();
        for (Path old : backups.subList(Math.min(keep, backups.size()), backups.size())) {
            Files.deleteIfExists(old);
            deleted.add(old);
        }
        return deleted;
    }
}
