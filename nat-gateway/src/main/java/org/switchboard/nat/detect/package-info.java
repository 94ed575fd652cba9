/**
 * NAT detection (RFC 3261 §18.2.1, RFC 3581) and what follows from it: how a registered contact is
 * reached, and the Contact a NATed caller's peer sees. The mode per domain is a live setting.
 */
package org.switchboard.nat.detect;
