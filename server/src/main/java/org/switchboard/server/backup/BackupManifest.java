package org.switchboard.server.backup;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Properties;

/**
 * What a backup file says about itself, its entry {@value #ENTRY}: the format, the version of the
 * Switchboard that wrote it, and when. Immutable.
 *
 * @param format the backup format, {@value #FORMAT} for this version
 */
public record BackupManifest(int format, String switchboardVersion, Instant createdAt) {
    /** The manifest's entry in the zip. */
    public static final String ENTRY = "switchboard-backup.properties";
    /** The format this version writes and reads. */
    public static final int FORMAT = 1;

    /** The manifest's text. */
    String write() {
        Properties p = new Properties();
        p.setProperty("format", Integer.toString(format));
        p.setProperty("switchboard.version", switchboardVersion);
        p.setProperty("created.at", createdAt.toString());
        StringWriter text = new StringWriter();
        try {
            p.store(text, "Switchboard backup");
        } catch (IOException e) {
            throw new IllegalStateException("A StringWriter does not fail", e);
        }
        return text.toString();
    }

    /**
     * Reads a manifest.
     *
     * @throws IOException if it is not one of this format
     */
    static BackupManifest read(String text) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(text));
        String format = p.getProperty("format");
        if (!Integer.toString(FORMAT).equals(format)) {
            throw new IOException("backup format " + format + " is not " + FORMAT
                    + ", the one this version of Switchboard reads");
        }
        try {
            return new BackupManifest(FORMAT, p.getProperty("switchboard.version", "unknown"),
                    Instant.parse(p.getProperty("created.at", "")));
        } catch (DateTimeParseException e) {
            throw new IOException("the manifest has no valid creation time", e);
        }
    }
}
