package org.switchboard.server;

import ch.qos.logback.classic.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.server.config.LogLevel;

/**
 * Sets the root log level through the Logback API. Safe to call from any thread; Logback applies
 * level changes atomically.
 */
public final class LogLevels {

    private LogLevels() {
    }

    /**
     * Sets the root logger to the level.
     *
     * @param level the level to log at
     * @throws IllegalStateException if Logback is not the SLF4J backend
     */
    public static void applyToRoot(LogLevel level) {
        Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        if (!(root instanceof ch.qos.logback.classic.Logger logbackRoot)) {
            throw new IllegalStateException("Logback is not the SLF4J backend: " + root.getClass().getName());
        }
        logbackRoot.setLevel(Level.toLevel(level.name()));
    }
}
