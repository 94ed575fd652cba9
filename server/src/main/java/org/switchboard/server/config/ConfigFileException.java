package org.switchboard.server.config;

import java.util.List;

/**
 * A bootstrap file that cannot be used, with every problem found, one line each, each naming the
 * file and, where there is one, the line.
 */
public final class ConfigFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigFileException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems, one message each. */
    public List<String> problems() {
        return problems;
    }
}
