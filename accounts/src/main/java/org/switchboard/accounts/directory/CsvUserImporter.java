package org.switchboard.accounts.directory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.accounts.directory.ImportReport.RejectedLine;
import org.switchboard.core.spi.store.DirectoryException;
import org.switchboard.core.spi.store.DirectoryException.Reason;
import org.switchboard.core.spi.store.DirectoryRules;
import org.switchboard.core.spi.store.StoredUser;
import org.switchboard.core.spi.store.User;

/**
 * Imports users into one domain from CSV text: one user per line, {@code user,password,display
 * name} (display name optional; RFC 4180 quotes allowed, e.g. {@code "Smith, Ann"}). Blank lines,
 * lines starting with {@code #} and a first line whose first field is {@code user} are skipped.
 *
 * <p>All or nothing: the users are added in one transaction, and only if every line is valid. One
 * invalid line (bad user name or password, duplicate in the file or in the domain, wrong number of
 * fields, a ';'-separated line) means nothing is imported, and every invalid line is reported with
 * its number and, where the mistake is a common one, how to fix it. The file must be UTF-8 (a byte
 * that is not fails the import, naming its line). A missing domain or an unreadable file fails the
 * whole import with a {@link DirectoryException}. At most {@value #MAX_LINES} lines are read, so
 * memory stays bounded. <b>Blocks</b> (reads the file, writes the database); thread-safe.
 */
public final class CsvUserImporter {
    /** Files with more lines are refused. */
    public static final int MAX_LINES = 100_000;

    private static final Logger LOG = LoggerFactory.getLogger(CsvUserImporter.class);
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setTrim(true).get();
    private static final CSVFormat SEMICOLON_FORMAT = FORMAT.builder().setDelimiter(';').get();

    private final UserDirectory directory;

    public CsvUserImporter(UserDirectory directory) {
        this.directory = directory;
    }

    /**
     * Imports the users in the UTF-8 bytes {@code csv} (a file's content) into {@code domain}.
     *
     * @throws DirectoryException as {@link #importUsers(String, Reader)}, and {@link
     *     Reason#BAD_IMPORT_FILE} naming the line of the first byte that is not UTF-8
     */
    public ImportReport importUsers(String domain, byte[] csv) {
        return importUsers(domain, new StringReader(decodeUtf8(csv)));
    }

    /**
     * Checks the users in the UTF-8 bytes {@code csv} for {@code domain} as an import would, and adds
     * them only if {@code dryRun} is false: a dry run reports the valid users and the invalid lines
     * and changes nothing.
     */
    public ImportReport importUsers(String domain, byte[] csv, boolean dryRun) {
        return importUsers(domain, new StringReader(decodeUtf8(csv)), dryRun);
    }

    /** The text of {@code bytes}, which must be UTF-8; a Latin-1 or Windows-1252 file is refused with a hint. */
    static String decodeUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            throw new DirectoryException(Reason.BAD_IMPORT_FILE, String.format(
                    "line %d: the file is not UTF-8 (byte 0x%02X; Latin-1 or Windows-1252?): save it as UTF-8, e.g."
                            + " 'CSV UTF-8' in Excel or character set 'Unicode (UTF-8)' in LibreOffice, or convert it"
                            + " with 'iconv -f latin1 -t utf-8'", lineOf(bytes, bad), bytes[bad] & 0xff));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * Imports the users in {@code csv} into {@code domain}: all of them, or none if any line is invalid.
     *
     * @throws DirectoryException {@link Reason#UNKNOWN_DOMAIN}, {@link Reason#BAD_ADDRESS} for a bad
     *     domain name, {@link Reason#BAD_IMPORT_FILE} for a file too long or unreadable
     */
    public ImportReport importUsers(String domain, Reader csv) {
        return importUsers(domain, csv, false);
    }

    private ImportReport importUsers(String domain, Reader csv, boolean dryRun) {
        String d = DirectoryRules.domain(domain);
        if (!directory.domainStore().exists(d)) {
            throw UserDirectory.unknownDomain(d);
        }
        Set<String> existing = directory.userStore().names(d);
        Map<String, Integer> seen = new HashMap<>();
        List<StoredUser> accepted = new ArrayList<>();
        List<User> valid = new ArrayList<>();
        List<RejectedLine> rejected = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(csv)) {
            int lineNumber = 0;
            for (String line; (line = lines.readLine()) != null; ) {
                if (++lineNumber > MAX_LINES) {
                    throw new DirectoryException(Reason.BAD_IMPORT_FILE,
                            "Import file has more than " + MAX_LINES + " lines; split it");
                }
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                try {
                    List<String> fields = fields(trimmed);
                    if (lineNumber == 1 && fields.get(0).equalsIgnoreCase("user")) {
                        continue;
                    }
                    User user = toUser(d, fields, trimmed);
                    Integer earlier = seen.putIfAbsent(user.name(), lineNumber);
                    if (earlier != null) {
                        throw new DirectoryException(Reason.DUPLICATE_USER,
                                "user " + user.name() + " already appears on line " + earlier);
                    }
                    if (existing.contains(user.name())) {
                        throw new DirectoryException(Reason.DUPLICATE_USER,
                                "user " + user.name() + '@' + d + " already exists");
                    }
                    accepted.add(directory.seal(user, DirectoryRules.password(fields.get(1))));
                    valid.add(user);
                } catch (DirectoryException e) {
                    rejected.add(new RejectedLine(lineNumber, e.getMessage()));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new DirectoryException(Reason.BAD_IMPORT_FILE, "Cannot read the import file: " + e.getMessage());
        }
        int imported = dryRun || accepted.isEmpty() || !rejected.isEmpty() ? 0 : directory.addAll(accepted);
        ImportReport report = new ImportReport(d, imported, rejected, valid);
        if (!dryRun) {
            LOG.info("{}{}", report.summary(), rejected.isEmpty() ? "" : ": " + rejected);
        }
        return report;
    }

    /** Whether {@code line} reads as 2 or 3 fields when split at ';' (a spreadsheet's local CSV). */
    private static boolean semicolonSeparated(String line) {
        try {
            int n = fields(line, SEMICOLON_FORMAT).size();
            return n == 2 || n == 3;
        } catch (DirectoryException e) {
            return false;
        }
    }

    private static List<String> fields(String line) {
        return fields(line, FORMAT);
    }

    private static List<String> fields(String line, CSVFormat format) {
        try (CSVParser parser = CSVParser.parse(line, format)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new DirectoryException(Reason.BAD_IMPORT_FILE, "not one CSV record");
            }
            return records.get(0).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new DirectoryException(Reason.BAD_IMPORT_FILE, "malformed CSV (unbalanced quotes?)");
        }
    }

    private static User toUser(String domain, List<String> fields, String line) {
        if (fields.size() < 2 || fields.size() > 3) {
            throw new DirectoryException(Reason.BAD_IMPORT_FILE,
                    "expected user,password,display name but found " + fields.size() + " fields"
                            + (semicolonSeparated(line) ? ": the fields are separated by ';', use ',' (in Excel"
                                    + " save as 'CSV UTF-8 (Comma delimited)', in LibreOffice choose ',' as the field"
                                    + " delimiter)" : ""));
        }
        if (fields.get(1).isEmpty()) {
            throw new DirectoryException(Reason.BAD_PASSWORD, "missing password");
        }
        return new User(domain, fields.get(0), fields.size() == 3 ? fields.get(2) : null, true);
    }
}
