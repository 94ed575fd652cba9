package org.switchboard.server.cli;

/**
 * A configured value that parsed fine but cannot be used, found when the server first tries it
 * (for example a data directory that cannot be created). The message is one line for the admin;
 * the command line reports it like a bad flag.
 */
public final class InvalidConfigurationException extends Exception {

    /**
     * @param message what is wrong, in one line
     * @param cause the underlying failure
     */
    public InvalidConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
