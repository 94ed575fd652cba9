/**
 * Locating SIP servers (RFC 3263): NAPTR, SRV and A/AAAA lookups through a {@link
 * org.switchboard.core.dns.DnsLookup} (dnsjava by default), cached by TTL, run off the event loops
 * by the {@link org.switchboard.core.dns.NextHopResolver}.
 */
package org.switchboard.core.dns;
