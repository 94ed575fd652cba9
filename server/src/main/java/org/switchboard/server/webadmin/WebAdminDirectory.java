package org.switchboard.server.webadmin;

import java.util.List;
import org.switchboard.accounts.directory.UserDirectory;
import org.switchboard.core.spi.store.Domain;
import org.switchboard.webadmin.directory.AdminDirectory;

/**
 * The web admin's view of the accounts' directory: a domain added here is served at once (the
 * directory tells the registrar and digest authentication). Blocking; thread-safe as the directory.
 */
public final class WebAdminDirectory implements AdminDirectory {
    private final UserDirectory directory;

    public WebAdminDirectory(UserDirectory directory) {
        this.directory = directory;
    }

    @Override
    public List<Domain> domains() {
        return directory.domains();
    }

    @Override
    public Domain addDomain(String name) {
        return directory.addDomain(name);
    }
}
