package org.switchboard.registrar.binding;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.spi.store.PrivateFiles;

/**
 * An append-only journal of binding changes in numbered segment files ({@code bindings-N.journal})
 * in one directory. Each record is framed as its length, its CRC-32 and its bytes, so that reading
 * stops cleanly at a record a crash left half-written (such a record was never acknowledged: its
 * append had not returned). {@link #append} returns once the records are on stable storage.
 *
 * <p><b>Threading:</b> not thread-safe; the {@link JournaledBindingStore} serialises access. Every
 * method blocks (file I/O).
 */
final class BindingJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BindingJournal.class);
    private static final Pattern SEGMENT = Pattern.compile("bindings-(\\d+)\\.journal");
    private static final int FRAME = 8;
    /** A record is a binding of a few hundred bytes; anything near this size is garbage. */
    private static final int MAX_RECORD = 1 << 20;

    private final Path dir;
    private FileChannel channel;
    private Path currentSegment;
    private long nextNumber;
    private long bytes;

    private BindingJournal(Path dir, long nextNumber) {
        this.dir = dir;
        this.nextNumber = nextNumber;
    }

    /** Opens the journal in {@code dir}, creating it owner-only; writing starts in a new segment. */
    static BindingJournal open(Path dir) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        PrivateFiles.createSubdirectory(dir);
        List<Path> existing = segments(dir);
        long next = existing.isEmpty() ? 1 : number(existing.get(existing.size() - 1)) + 1;
        BindingJournal journal = new BindingJournal(dir, next);
        journal.startSegment();
        return journal;
    }

    /** The segment files in {@code dir}, oldest first. */
    static List<Path> segments(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> SEGMENT.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong(BindingJournal::number))
                    .toList();
        }
    }

    private static long number(Path segment) {
        Matcher m = SEGMENT.matcher(segment.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a journal segment: " + segment);
        }
        return Long.parseLong(m.group(1));
    }

    /**
     * Hands each intact record of {@code segment} to {@code each}, in order, and stops at the first
     * incomplete or damaged one (logged unless it is an empty tail).
     */
    static void read(Path segment, Consumer<JournalRecordCodec.Change> each) throws IOException {
        byte[] content = Files.readAllBytes(segment);
        ByteBuffer in = ByteBuffer.wrap(content);
        while (in.remaining() >= FRAME) {
            int start = in.position();
            int length = in.getInt();
            int crc = in.getInt();
            if (length <= 0 || length > MAX_RECORD || length > in.remaining()) {
                warnTail(segment, start, content.length, "incomplete record");
                return;
            }
            byte[] record = new byte[length];
            in.get(record);
            if (crc(record) != crc) {
                warnTail(segment, start, content.length, "checksum mismatch");
                return;
            }
            try {
                each.accept(JournalRecordCodec.decode(record));
            } catch (IOException e) {
                warnTail(segment, start, content.length, e.getMessage());
                return;
            }
        }
        if (in.hasRemaining()) {
            warnTail(segment, in.position(), content.length, "incomplete record");
        }
    }

    private static void warnTail(Path segment, int offset, int size, String why) {
        LOG.warn("Registration journal {}: ignoring bytes {} to {} ({}): a write cut short by a crash, which was "
                + "never acknowledged, or a damaged file", segment.getFileName(), offset, size, why);
    }

    /** Appends {@code records} and forces them to stable storage before returning. */
    void append(List<byte[]> records) throws IOException {
        int total = 0;
        for (byte[] r : records) {
            total += FRAME + r.length;
        }
        ByteBuffer out = ByteBuffer.allocate(total);
        for (byte[] r : records) {
            out.putInt(r.length).putInt(crc(r)).put(r);
        }
        out.flip();
        while (out.hasRemaining()) {
            channel.write(out);
        }
        channel.force(false);
        bytes += total;
    }

    Path directory() {
        return dir;
    }

    /** Bytes appended to the current segment. */
    long currentSize() {
        return bytes;
    }

    /**
     * Closes the current segment and continues in a new one.
     *
     * @return the closed segment and all older ones: what a database write of everything
     *     appended so far makes obsolete
     */
    List<Path> rotate() throws IOException {
        Path closed = currentSegment;
        channel.close();
        startSegment();
        List<Path> obsolete = new ArrayList<>();
        for (Path segment : segments(dir)) {
            if (number(segment) <= number(closed)) {
                obsolete.add(segment);
            }
        }
        return obsolete;
    }

    /** Deletes segments whose changes the database holds. */
    static void delete(List<Path> segments) throws IOException {
        for (Path segment : segments) {
            Files.deleteIfExists(segment);
        }
    }

    private void startSegment() throws IOException {
        currentSegment = dir.resolve("bindings-" + nextNumber++ + ".journal");
        channel = FileChannel.open(currentSegment, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PrivateFiles.ownerOnlyFile(dir));
        bytes = 0;
        syncDirectory();
    }

    /** Makes the new file's directory entry durable, or a power cut could lose the whole segment. */
    private void syncDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // some platforms cannot open a directory; the file system then orders this itself
            LOG.debug("Cannot sync directory {}: {}", dir, e.toString());
        }
    }

    private static int crc(byte[] record) {
        CRC32 crc = new CRC32();
        crc.update(record);
        return (int) crc.getValue();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
