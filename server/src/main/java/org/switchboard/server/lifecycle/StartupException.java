package org.switchboard.server.lifecycle;

/**
 * Thrown by {@link Server#start()} when a part could not start. Its message is the part's own
 * one-line reason (see {@link Lifecycle#start()}), fit for an admin's log; the cause keeps the
 * details.
 */
public final class StartupException extends Exception {

    /**
     * @param component the part that failed
     * @param cause why it failed
     */
    public StartupException(Lifecycle component, Throwable cause) {
        super(reason(component, cause), cause);
    }

    private static String reason(Lifecycle component, Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank()
                ? component.name() + " failed: " + cause.getClass().getSimpleName()
                : message;
    }
}
