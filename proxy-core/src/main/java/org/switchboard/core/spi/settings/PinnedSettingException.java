package org.switchboard.core.spi.settings;

/**
 * Refuses a change of a setting that a flag or an environment variable set at start. The value
 * given at start wins for as long as the server runs, so storing a new one would show the admin a
 * value that is not in effect; the message says where the pinned value comes from, so the admin
 * can change it there and restart. Nothing was changed.
 */
public final class PinnedSettingException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final String origin;

    /**
     * @param key the setting, e.g. {@code proxy.ringTimeout}
     * @param origin what pinned it, e.g. {@code SWITCHBOARD_PROXY_RING_TIMEOUT}
     */
    public PinnedSettingException(String key, String origin) {
        super(key + " is set by " + origin + " at start and cannot be changed while the server runs; change "
                + origin + " and restart");
        this.key = key;
        this.origin = origin;
    }

    /** The pinned setting's key. */
    public String key() {
        return key;
    }

    /** What pinned it: a flag or an environment variable. */
    public String origin() {
        return origin;
    }
}
