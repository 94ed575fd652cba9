package org.switchboard.webadmin.auth;

import java.util.Objects;
import org.switchboard.core.spi.store.AdminRole;

/**
 * Who is acting, and within which bounds. Immutable.
 *
 * @param username the administrator (or API token) name
 * @param role what they may do
 * @param domain the one domain of a domain admin; {@code null} for a system admin
 */
public record Principal(String username, AdminRole role, String domain) {

    public Principal {
        Objects.requireNonNull(username);
        Objects.requireNonNull(role);
    }

    public boolean isSystemAdmin() {
        return role == AdminRole.SYSTEM_ADMIN;
    }

    /** Whether this principal may see and change objects of {@code objectDomain}. */
    public boolean mayAdminister(String objectDomain) {
        return isSystemAdmin() || (domain != null && domain.equals(objectDomain));
    }
}
