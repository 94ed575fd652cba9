package org.switchboard.core.spi.settings;

/**
 * A setting's value, or a section's combination of values, that the server cannot use. The message
 * names the setting (or section) and says what was expected, in words fit for an admin: {@code
 * proxy.ringTimeout: 'soon' is not a duration like 30s, 500ms or 3m}. Nothing was changed.
 */
public final class InvalidSettingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final String problem;

    /**
     * @param key the setting's key ({@code proxy.ringTimeout}), or the section's name when the
     *     values do not fit together
     * @param problem what is wrong and what was expected
     */
    public InvalidSettingException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
        this.problem = problem;
    }

    /** The setting's key, or the section's name when the problem lies between settings. */
    public String key() {
        return key;
    }

    /** The message without the key: what is wrong and what was expected. */
    public String problem() {
        return problem;
    }
}
