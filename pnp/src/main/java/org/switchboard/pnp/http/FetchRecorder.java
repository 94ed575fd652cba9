package org.switchboard.pnp.http;

import org.switchboard.pnp.MacAddress;

/**
 * Told of each phone that received its settings file with account data, so the inventory can
 * show when a phone was last provisioned.
 *
 * <p>Blocking (a database); called on Jetty's pool after the file is rendered, possibly from
 * several threads at once.
 */
@FunctionalInterface
public interface FetchRecorder {

    /**
     * @param mac the phone
     * @param remoteAddress the IP address the fetch came from
     */
    void recordProvisioned(MacAddress mac, String remoteAddress);
}
