package org.switchboard.dialplan.rule;

import org.switchboard.core.location.AddressOfRecord;

/**
 * Who places a call, as far as the rules care.
 *
 * @param authenticated the user the proxy authenticated, or {@code null}
 * @param number the caller's number: the authenticated user's name, else the From user part (as
 *     presented, so never used for permissions), or an empty string
 * @param permissionClass the authenticated user's class, or {@code null}; never taken from the
 *     unauthenticated From
 * @param trunk the name of the trunk the call came in from, or {@code null}
 */
public record Caller(AddressOfRecord authenticated, String number, String permissionClass, String trunk) {

    /** A caller that did not come in from a trunk. */
    public Caller(AddressOfRecord authenticated, String number, String permissionClass) {
        this(authenticated, number, permissionClass, null);
    }

    public Caller {
        number = number == null ? "" : number;
        if (authenticated == null && permissionClass != null) {
            throw new IllegalArgumentException("Only an authenticated caller has a permission class");
        }
    }
}
