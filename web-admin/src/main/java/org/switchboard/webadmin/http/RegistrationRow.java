package org.switchboard.webadmin.http;

/**
 * One binding as the registrations page shows it (public, so that templates can read it). Immutable.
 *
 * @param user the user part of the address-of-record
 * @param contact the registered contact URI
 * @param source the address and port the REGISTER came from
 * @param transport UDP, TCP, ...
 * @param userAgent the phone's User-Agent, or null
 * @param expiresIn seconds until the binding expires
 * @param key the binding's key, which the unregister form names it by
 */
public record RegistrationRow(String user, String contact, String source, String transport, String userAgent,
        long expiresIn, String key) {
}
