package org.switchboard.core.spi.settings;

import java.util.Map;

/**
 * Where settings are kept between runs: rows of section, setting name and text value. Every method
 * <b>blocks</b> (a JDBC implementation talks to the database), so call it off the event loops; an
 * implementation is safe to call from several threads. A failure is thrown as an unchecked
 * exception and leaves the stored values as they were.
 *
 * <p>Values are the texts of {@link Setting#format}. The store does not interpret them; names it
 * holds may belong to a newer or older version of the server, and {@link Settings} ignores those it
 * does not know.
 */
public interface SettingsStore {

    /**
     * Every stored value. Blocking.
     *
     * @return section name to (setting name to text); empty when nothing is stored
     */
    Map<String, Map<String, String>> loadAll();

    /**
     * Writes these values of one section, in one transaction: each given name is inserted or
     * replaced; names not given are left as they are. Blocking.
     *
     * @param section the section's name, e.g. {@code proxy}
     * @param values setting name to text
     */
    void save(String section, Map<String, String> values);
}
