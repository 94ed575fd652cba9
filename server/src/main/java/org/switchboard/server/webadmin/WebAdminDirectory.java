package org.switchboard.server.webadmin;

import java.util.List;
import java.util.Optional;
import org.switchboard.accounts.directory.CsvUserImporter;
import org.switchboard.accounts.directory.ImportReport;
import org.switchboard.accounts.directory.UserDirectory;
import org.switchboard.core.spi.service.NewCredentials;
import org.switchboard.core.spi.store.Domain;
import org.switchboard.core.spi.store.User;
import org.switchboard.webadmin.directory.AdminDirectory;
import org.switchboard.webadmin.directory.ImportResult;

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

    @Override
    public List<User> users(String domain) {
        return directory.users(domain);
    }

    @Override
    public Optional<User> user(String domain, String name) {
        return directory.user(domain, name);
    }

    @Override
    public NewCredentials addUser(String domain, String name, String displayName) {
        return directory.addUserWithGeneratedPassword(domain, name, displayName);
    }

    @Override
    public void update(User user) {
        directory.update(user);
    }

    @Override
    public void removeUser(String domain, String name) {
        directory.removeUser(domain, name);
    }

    @Override
    public String password(String domain, String name) {
        return directory.password(domain, name);
    }

    @Override
    public ImportResult importUsers(String domain, byte[] csv, boolean dryRun) {
        ImportReport report = new CsvUserImporter(directory).importUsers(domain, csv, dryRun);
        return new ImportResult(report.domain(), dryRun, report.imported(), report.valid(),
                report.rejected().stream().map(ImportReport.RejectedLine::toString).toList());
    }
}
