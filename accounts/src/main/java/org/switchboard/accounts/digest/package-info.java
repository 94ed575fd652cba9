/**
 * HTTP digest authentication for SIP (RFC 3261 §22, RFC 7616, RFC 8760): the {@link
 * org.switchboard.accounts.digest.DigestAuthenticator} that implements the core {@code
 * Authenticator}, stateless MAC-protected nonces ({@link org.switchboard.accounts.digest.NonceCodec}),
 * nonce-count replay protection and the credentials parser.
 */
package org.switchboard.accounts.digest;
