/**
 * Authentication of SIP requests, independent of transport and of how users are stored: the
 * {@link org.switchboard.core.auth.Authenticator} the request chain calls, the {@link
 * org.switchboard.core.auth.AuthRole} it acts in (registrar 401 or proxy 407, RFC 3261 §22), and the
 * sealed {@link org.switchboard.core.auth.AuthResult} it answers with. Implementations live in other
 * modules (the registrar's digest authenticator).
 */
package org.switchboard.core.auth;
