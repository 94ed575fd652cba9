package org.switchboard.pnp.settings;

/**
 * A settings template could not be rendered: it does not parse, refers to a missing value, or is
 * not there. Carries the template's name and position for the admin's log.
 */
public final class RenderException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String templateName;
    private final int line;
    private final int column;

    /**
     * @param line the 1-based line of the error, or 0 if unknown
     * @param column the 1-based column of the error, or 0 if unknown
     */
    public RenderException(String templateName, int line, int column, String problem, Throwable cause) {
        super("Template " + templateName + (line > 0 ? " line " + line + " column " + column : "") + ": " + problem,
                cause);
        this.templateName = templateName;
        this.line = line;
        this.column = column;
    }

    public String templateName() {
        return templateName;
    }

    /** The 1-based line of the error, or 0 if unknown. */
    public int line() {
        return line;
    }

    /** The 1-based column of the error, or 0 if unknown. */
    public int column() {
        return column;
    }
}
