package org.switchboard.server.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bootstrap file, {@code switchboard.conf}, as read: one {@code key = value} per line, keys being
 * the server's long option names without their dashes ({@code sip-port = 5070}), values written as on
 * the command line; blank lines and lines starting with {@code #} are skipped, and a {@code #} inside
 * a value is part of it. What the lines mean is checked elsewhere, against the options; this class
 * only reads the lines and refuses what is not a {@code key = value} line or sets a key twice, each
 * problem with its file and line. Immutable.
 *
 * @param file where it was read from, for messages
 * @param entries the settings in file order, by key
 */
public record ConfigFile(Path file, Map<String, Entry> entries) {
    /** The file's name in the data directory. */
    public static final String NAME = "switchboard.conf";
    private static final Pattern LINE = Pattern.compile("([^=\\s]+)\\s*=\\s*(.*)");

    /**
     * One setting.
     *
     * @param line its line number, from 1
     */
    public record Entry(String key, String value, int line) {
    }

    public ConfigFile {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** An empty file, for a data directory without one. */
    public static ConfigFile empty(Path file) {
        return new ConfigFile(file, Map.of());
    }

    /**
     * Reads a file.
     *
     * @throws ConfigFileException listing every line that is not a setting or repeats a key, or if
     *     the file cannot be read or is not UTF-8
     */
    public static ConfigFile read(Path file) throws ConfigFileException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ConfigFileException(List.of(file + ": not UTF-8 text"));
        } catch (IOException e) {
            throw new ConfigFileException(List.of(file + ": cannot be read: " + e.getMessage()));
        }
        return parse(file, text);
    }

    /** Parses the text of {@code file}; as {@link #read}. */
    public static ConfigFile parse(Path file, String text) throws ConfigFileException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                problems.add(at(file, number) + "'" + line + "' is not a setting; expected 'key = value' with a key "
                        + "such as sip-port, or a comment starting with #");
                continue;
            }
            String key = m.group(1);
            String value = m.group(2).strip();
            if (value.isEmpty()) {
                problems.add(at(file, number) + key + " has no value; expected 'key = value', or no line at all for "
                        + "the default");
                continue;
            }
            Entry first = entries.get(key);
            if (first != null) {
                problems.add(at(file, number) + key + " is set again; it was set on line " + first.line()
                        + ", expected once");
                continue;
            }
            entries.put(key, new Entry(key, value, number));
        }
        if (!problems.isEmpty()) {
            throw new ConfigFileException(problems);
        }
        return new ConfigFile(file, entries);
    }

    /** {@code file:line: }, the prefix of every message about a line. */
    public static String at(Path file, int line) {
        return file + ":" + line + ": ";
    }
}
