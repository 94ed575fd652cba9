package org.switchboard.server.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.switchboard.core.spi.store.PrivateFiles;
import org.switchboard.store.Database;

/**
 * Writes a backup of a data directory with the embedded database into one zip file, readable by its
 * owner only. The database is copied with H2's {@code BACKUP TO}, which is transactionally consistent
 * while the server keeps writing (H2's MVCC). The registration journal is copied first: its segments
 * hold the registrations not yet written to the database; a registration the server writes and
 * deletes from the journal between the two copies is in the database copy, and one made in between
 * is in neither (phones repeat their registration at their next refresh). The zip is written beside
 * {@code target} and renamed into place when complete, so {@code target} is never a partial backup.
 * Blocks (file system and database); one backup at a time per instance.
 */
public final class BackupWriter {
    private final Clock clock;
    private final String version;

    /** @param version the Switchboard version, recorded in the manifest */
    public BackupWriter(Clock clock, String version) {
        this.clock = clock;
        this.version = version;
    }

    /**
     * Writes the backup.
     *
     * @param database the open embedded database of {@code dataDir}
     * @param target the backup file to create; must not exist
     * @return what the backup holds, for the admin
     * @throws IOException if {@code target} exists or cannot be written, or the copy fails
     */
    public String write(Database database, Path dataDir, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.exists(absolute)) {
            throw new FileAlreadyExistsException(absolute + " exists already; give a new file name");
        }
        Path dir = absolute.getParent();
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir + " is no directory; create it first, or give the backup file another place");
        }
        Path partial = Files.createTempFile(dir, absolute.getFileName() + ".", ".partial",
                PrivateFiles.ownerOnlyFile(dir));
        Path h2Copy = Files.createTempFile(dir, absolute.getFileName() + ".", ".h2.zip",
                PrivateFiles.ownerOnlyFile(dir));
        Files.delete(h2Copy);
        int journalSegments = 0;
        try {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
                add(zip, BackupManifest.ENTRY, new BackupManifest(BackupManifest.FORMAT, version,
                        clock.instant()).write().getBytes(StandardCharsets.ISO_8859_1));
                journalSegments = addJournal(zip, dataDir.resolve(BackupFiles.JOURNAL));
                copyDatabase(database, h2Copy);
                addDatabase(zip, h2Copy);
                for (String name : plainFiles()) {
                    Path file = dataDir.resolve(name);
                    if (Files.isRegularFile(file)) {
                        add(zip, name, Files.readAllBytes(file));
                    }
                }
            }
            Files.move(partial, absolute, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
            Files.deleteIfExists(h2Copy);
        }
        return "database, keys and " + journalSegments + " journal segment" + (journalSegments == 1 ? "" : "s")
                + " in " + absolute + " (" + Files.size(absolute) + " bytes)";
    }

    private static List<String> plainFiles() {
        List<String> names = new ArrayList<>(BackupFiles.PLAIN);
        names.addAll(BackupFiles.TLS_FILES);
        return names;
    }

    /** The journal segments as they are now; one deleted meanwhile (written to the database) is skipped. */
    private static int addJournal(ZipOutputStream zip, Path journal) throws IOException {
        if (!Files.isDirectory(journal)) {
            return 0;
        }
        int added = 0;
        try (DirectoryStream<Path> segments = Files.newDirectoryStream(journal)) {
            for (Path segment : segments) {
                try {
                    byte[] bytes = Files.readAllBytes(segment);
                    add(zip, BackupFiles.JOURNAL + "/" + segment.getFileName(), bytes);
                    added++;
                } catch (NoSuchFileException e) {
                    // written to the database and deleted since the listing: the database copy, made after, has it
                }
            }
        }
        return added;
    }

    /** H2's online backup (a zip holding the database file); the path is a literal of our own temp file. */
    private static void copyDatabase(Database database, Path copy) {
        database.withConnection(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("BACKUP TO '" + copy.toString().replace("'", "''") + "'");
            }
            return null;
        });
    }

    private static void addDatabase(ZipOutputStream zip, Path h2Copy) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(h2Copy))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(BackupFiles.DATABASE)) {
                    zip.putNextEntry(new ZipEntry(BackupFiles.DATABASE));
                    in.transferTo(zip);
                    zip.closeEntry();
                    return;
                }
            }
        }
        throw new IOException("the database copy holds no " + BackupFiles.DATABASE);
    }

    private static void add(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
