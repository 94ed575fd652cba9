package org.switchboard.core.spi.store;


/**
 * A SIP domain this server serves, e.g. {@code example.com}; it is also the digest realm of its
 * users. Immutable.
 *
 * @param name the domain name in lower case
 */
public record Domain(String name) {

    public Domain {
        name = DirectoryRules.domain(name);
    }
}
