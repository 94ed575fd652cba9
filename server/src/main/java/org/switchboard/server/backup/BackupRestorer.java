package org.switchboard.server.backup;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.switchboard.core.spi.store.PrivateFiles;
import org.switchboard.server.data.Storage;
import org.switchboard.store.Database;
import org.switchboard.core.spi.store.StoreException;

/**
 * Restores a backup into the data directory of a stopped server. First checks the file completely:
 * only entries a backup holds, a manifest of this format, a database that opens, migrates to this
 * version's schema and can be counted, and the password key wherever there are users. Only then are
 * the data directory's current database, keys, bootstrap file and journal moved aside into {@code
 * before-restore-<time>} (nothing is deleted) and the backup's put in their place, owner-only. The
 * caller makes sure no server runs on the directory. Blocks; one restore at a time.
 */
public final class BackupRestorer {
    private static final DateTimeFormatter ASIDE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final List<String> COUNTED = List.of("domains", "users", "bindings", "devices", "call_records");

    private final Clock clock;

    public BackupRestorer(Clock clock) {
        this.clock = clock;
    }

    /**
     * Checks {@code backup} and restores it into {@code dataDir}.
     *
     * @return what was restored and where the previous data went, for the admin
     * @throws IOException if the backup is not one this version can restore (nothing is changed then),
     *     or the files cannot be moved
     */
    public String restore(Path backup, Path dataDir) throws IOException {
        if (!Files.isRegularFile(backup)) {
            throw new IOException(backup + " is no file");
        }
        PrivateFiles.prepareDirectory(dataDir);
        Path staging = dataDir.resolve("restore-" + UUID.randomUUID());
        PrivateFiles.createSubdirectory(staging);
        try {
            BackupManifest manifest = extract(backup, staging);
            Map<String, Long> counts = check(backup, staging);
            Path aside = moveAside(dataDir);
            moveInto(staging, dataDir);
            return "Restored the backup of " + manifest.createdAt() + " (Switchboard " + manifest.switchboardVersion()
                    + ") into " + dataDir + ": " + describe(counts)
                    + (aside == null ? "" : "; the previous data is in " + aside);
        } finally {
            deleteTree(staging);
        }
    }

    private static BackupManifest extract(Path backup, Path staging) throws IOException {
        BackupManifest manifest = null;
        boolean database = false;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (!BackupFiles.allowed(name)) {
                    throw new IOException(backup + " holds '" + name + "', which no Switchboard backup holds; "
                            + "not restoring it");
                }
                if (name.equals(BackupManifest.ENTRY)) {
                    manifest = BackupManifest.read(new String(zip.readAllBytes(), StandardCharsets.ISO_8859_1));
                    continue;
                }
                database |= name.equals(BackupFiles.DATABASE);
                Path file = staging.resolve(name);
                if (!file.getParent().equals(staging)) {
                    PrivateFiles.createSubdirectory(file.getParent());
                }
                Files.createFile(file, PrivateFiles.ownerOnlyFile(staging));
                Files.copy(new UncloseableStream(zip), file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (ZipException e) {
            throw new IOException(backup + " is not a Switchboard backup (not a zip file: " + e.getMessage() + ")", e);
        }
        if (manifest == null) {
            throw new IOException(backup + " is not a Switchboard backup: it has no " + BackupManifest.ENTRY);
        }
        if (!database) {
            throw new IOException(backup + " holds no database");
        }
        return manifest;
    }

    /** Opens the staged database (migrating it, as the server would) and counts what it holds. */
    private static Map<String, Long> check(Path backup, Path staging) throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Database database = Database.open(Database.h2FileUrl(staging), "sa", "", 2)) {
            database.withConnection(connection -> {
                try (Statement statement = connection.createStatement()) {
                    for (String table : COUNTED) {
                        try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                            rows.next();
                            counts.put(table, rows.getLong(1));
                        }
                    }
                }
                return null;
            });
        } catch (StoreException e) {
            throw new IOException("The database in " + backup + " does not open: " + e.getMessage(), e);
        }
        if (counts.get("users") > 0 && !Files.exists(staging.resolve(Storage.KEY_FILE))) {
            throw new IOException(backup + " has users but no " + Storage.KEY_FILE
                    + ", without which their passwords cannot be read");
        }
        return counts;
    }

    /** Moves what the backup replaces into {@code before-restore-<time>}; {@code null} if there was nothing. */
    private Path moveAside(Path dataDir) throws IOException {
        List<String> present = new ArrayList<>();
        for (String name : replaced()) {
            if (Files.exists(dataDir.resolve(name))) {
                present.add(name);
            }
        }
        if (present.isEmpty()) {
            return null;
        }
        Path aside = dataDir.resolve("before-restore-" + ASIDE.format(clock.instant()));
        PrivateFiles.createSubdirectory(aside);
        for (String name : present) {
            Files.move(dataDir.resolve(name), aside.resolve(name));
        }
        return aside;
    }

    private static List<String> replaced() {
        List<String> names = new ArrayList<>(BackupFiles.PLAIN);
        names.add(BackupFiles.DATABASE);
        names.add(BackupFiles.JOURNAL);
        names.add(BackupFiles.TLS);
        return names;
    }

    private static void moveInto(Path staging, Path dataDir) throws IOException {
        for (String name : replaced()) {
            Path staged = staging.resolve(name);
            if (Files.exists(staged)) {
                Files.move(staged, dataDir.resolve(name));
            }
        }
    }

    private static String describe(Map<String, Long> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((table, count) -> parts.add(table.replace('_', ' ') + " " + count));
        return String.join(", ", parts);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** A view of the zip's current entry that {@link Files#copy} may close without closing the zip. */
    private static final class UncloseableStream extends FilterInputStream {
        UncloseableStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the zip stream stays open for its next entry
        }
    }
}
