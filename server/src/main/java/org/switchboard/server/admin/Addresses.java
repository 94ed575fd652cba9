package org.switchboard.server.admin;

import org.switchboard.core.spi.store.DirectoryException;
import org.switchboard.core.spi.store.DirectoryException.Reason;

/** Splits {@code user@domain} arguments. Stateless. */
final class Addresses {
    private Addresses() {
    }

    /** The user and the domain of {@code address}, e.g. {@code [201, example.com]}. */
    static String[] split(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            throw new DirectoryException(Reason.BAD_ADDRESS,
                    "'" + address + "' is not an address like 201@example.com");
        }
        return new String[] {address.substring(0, at), address.substring(at + 1)};
    }
}
