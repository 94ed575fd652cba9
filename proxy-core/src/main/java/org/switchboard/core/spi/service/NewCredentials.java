package org.switchboard.core.spi.service;

import org.switchboard.core.spi.store.User;

/**
 * A user and the clear-text password just set for them, returned once when the directory generated
 * it so the admin can hand it over. Immutable; do not log it.
 */
public record NewCredentials(User user, String password) {

    @Override
    public String toString() {
        return "NewCredentials[user=" + user + ", password=(hidden)]";
    }
}
