package org.switchboard.webadmin.http;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.spi.store.Domain;
import org.switchboard.webadmin.auth.Principal;
import org.switchboard.webadmin.directory.AdminDirectory;

/**
 * Which domain a list or form acts on: the {@code domain} field if the administrator may administer
 * it, else none and {@code forbidden}; without the field, a domain admin's own domain or a system
 * admin's first domain ({@code null} while none exists). Immutable.
 */
record DomainScope(String domain, boolean forbidden) {
    private static final Logger LOG = LoggerFactory.getLogger(DomainScope.class);

    static DomainScope of(Exchange ex, AdminDirectory directory) {
        Principal me = ex.principal();
        String asked = ex.field("domain");
        if (asked.isEmpty()) {
            if (!me.isSystemAdmin()) {
                return new DomainScope(me.domain(), false);
            }
            List<Domain> domains = directory.domains();
            return new DomainScope(domains.isEmpty() ? null : domains.get(0).name(), false);
        }
        if (!me.mayAdminister(asked)) {
            LOG.warn("Web admin: {} (domain admin of {}) from {} was refused domain {}", me.username(), me.domain(),
                    ex.source(), asked);
            return new DomainScope(null, true);
        }
        return new DomainScope(asked, false);
    }

    /** The domains the administrator may choose from, for a domain selector. */
    static List<String> choices(Exchange ex, AdminDirectory directory) {
        return ex.principal().isSystemAdmin() ? directory.domains().stream().map(Domain::name).toList()
                : List.of(ex.principal().domain());
    }

    static Reply refused() {
        return AdminHandler.error(403, "Forbidden", "You administer another domain.");
    }
}
