package org.switchboard.server.plugin;

import org.switchboard.core.plugin.SipServices;

/** {@link SipServices} whose registration methods work only until {@link #closeRegistration()}. */
public interface RegistrationWindow extends SipServices {

    /** Ends registration; later calls to the registration methods throw {@link IllegalStateException}. */
    void closeRegistration();
}
