package org.switchboard.registrar.directory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
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
import org.switchboard.registrar.directory.DirectoryException.Reason;
import org.switchboard.registrar.directory.ImportReport.RejectedLine;

/**
 * Imports users into one domain from CSV text: one user per line, {@code user,password,display
 * name} (display name optional; RFC 4180 quotes allowed, e.g. {@code "Smith, Ann"}). Blank lines,
 * lines starting with {@code #} and a first line whose first field is {@code user} are skipped.
 *
 * <p>Valid lines are added in one transaction; invalid ones (bad user name or password, duplicate in
 * the file or in the domain) are skipped and reported with their line numbers. A missing domain or
 * an unreadable file fails the whole import with a {@link DirectoryException}. At most {@value
 * #MAX_LINES} lines are read, so memory stays bounded. <b>Blocks</b> (reads the file, writes the
 * database); thread-safe.
 */
public final class CsvUserImporter {
    /** Files with more lines are refused. */
    public static final int MAX_LINES = 100_000;

    private static final Logger LOG = LoggerFactory.getLogger(CsvUserImporter.class);
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setTrim(true).get();

    private final UserDirectory directory;

    public CsvUserImporter(UserDirectory directory) {
        this.directory = directory;
    }

    /**
     * Imports the users in {@code csv} into {@code domain}.
     *
     * @throws DirectoryException {@link Reason#UNKNOWN_DOMAIN}, {@link Reason#BAD_ADDRESS} for a bad
     *     domain name, {@link Reason#BAD_IMPORT_FILE} for a file too long or unreadable
     */
    public ImportReport importUsers(String domain, Reader csv) {
        String d = DirectoryRules.domain(domain);
        if (!directory.domainStore().exists(d)) {
            throw UserDirectory.unknownDomain(d);
        }
        Set<String> existing = directory.userStore().names(d);
        Map<String, Integer> seen = new HashMap<>();
        List<StoredUser> accepted = new ArrayList<>();
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
                    User user = toUser(d, fields);
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
                } catch (DirectoryException e) {
                    rejected.add(new RejectedLine(lineNumber, e.getMessage()));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new DirectoryException(Reason.BAD_IMPORT_FILE, "Cannot read the import file: " + e.getMessage());
        }
        int imported = accepted.isEmpty() ? 0 : directory.addAll(accepted);
        ImportReport report = new ImportReport(d, imported, rejected);
        LOG.info("{}{}", report.summary(), rejected.isEmpty() ? "" : ": " + rejected);
        return report;
    }

    private static List<String> fields(String line) {
        try (CSVParser parser = CSVParser.parse(line, FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new DirectoryException(Reason.BAD_IMPORT_FILE, "not one CSV record");
            }
            return records.get(0).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new DirectoryException(Reason.BAD_IMPORT_FILE, "malformed CSV (unbalanced quotes?)");
        }
    }

    private static User toUser(String domain, List<String> fields) {
        if (fields.size() < 2 || fields.size() > 3) {
            throw new DirectoryException(Reason.BAD_IMPORT_FILE,
                    "expected user,password,display name but found " + fields.size() + " fields");
        }
        if (fields.get(1).isEmpty()) {
            throw new DirectoryException(Reason.BAD_PASSWORD, "missing password");
        }
        return new User(domain, fields.get(0), fields.size() == 3 ? fields.get(2) : null, true);
    }
}
