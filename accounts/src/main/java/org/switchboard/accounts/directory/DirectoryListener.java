package org.switchboard.accounts.directory;

import java.util.Optional;
import org.switchboard.core.spi.store.StoredUser;

/**
 * Told by the {@link UserDirectory} after each change it has committed, so that in-memory views of
 * the directory (the {@link DirectoryCatalog}) stay current without reading the database on the
 * call path.
 *
 * <p><b>Threading:</b> called on the thread that made the change, after the store committed it;
 * implementations must be thread-safe and must not block.
 */
public interface DirectoryListener {

    /** A listener that ignores every change, for one-shot admin commands. */
    DirectoryListener NONE = new DirectoryListener() {
        @Override
        public void domainChanged(String domain, boolean exists) {
        }

        @Override
        public void userChanged(String domain, String name, Optional<StoredUser> user) {
        }
    };

    /** Domain {@code domain} (lower case) was added ({@code exists}) or removed. */
    void domainChanged(String domain, boolean exists);

    /** User {@code name} of {@code domain} is now {@code user}, or was removed (empty). */
    void userChanged(String domain, String name, Optional<StoredUser> user);
}
