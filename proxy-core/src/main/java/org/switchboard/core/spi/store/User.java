package org.switchboard.core.spi.store;

import org.switchboard.core.location.AddressOfRecord;

/**
 * A user of a domain, without secrets. Immutable.
 *
 * @param domain the domain in lower case
 * @param name the extension or user name, the user part of the address-of-record
 * @param displayName shown to callees, or {@code null}
 * @param enabled a disabled user cannot authenticate
 */
public record User(String domain, String name, String displayName, boolean enabled) {

    public User {
        domain = DirectoryRules.domain(domain);
        name = DirectoryRules.user(name);
        displayName = DirectoryRules.displayName(displayName);
    }

    /** The user's address-of-record, {@code sip:name@domain}. */
    public AddressOfRecord aor() {
        return new AddressOfRecord(name, domain);
    }
}
