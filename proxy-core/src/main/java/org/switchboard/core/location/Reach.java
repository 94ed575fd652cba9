package org.switchboard.core.location;

/**
 * How the proxy reaches a registered contact, decided when it registers.
 */
public enum Reach {
    /**
     * Over the flow its REGISTER came on (same transport, local socket, remote address and
     * connection): a phone behind a NAT, whose Contact names an address nobody outside can reach,
     * an RFC 5626 flow (§5.3), or a phone whose Contact names the very address it registered from.
     */
    FLOW,
    /**
     * At its Contact URI, found by RFC 3263 like any other URI (RFC 3261 §16.5): a phone that is
     * not behind a NAT, or a contact registered on its behalf from elsewhere (third-party
     * registration, §10.2).
     */
    CONTACT
}
