/** Who may use the web admin: password hashing, sessions, the login back-off, the setup token, roles. */
package org.switchboard.webadmin.auth;
