package org.switchboard.core.spi.store;

/** What an administrator of the web admin may do. */
public enum AdminRole {
    /** Everything, in every domain. */
    SYSTEM_ADMIN,
    /** The users, registrations and call records of one domain. */
    DOMAIN_ADMIN
}
