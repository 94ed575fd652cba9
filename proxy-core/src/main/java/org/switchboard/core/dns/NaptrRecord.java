package org.switchboard.core.dns;

/**
 * A NAPTR record as RFC 3263 §4.1 uses it. Immutable.
 *
 * @param flags e.g. {@code s} (the replacement is an SRV name)
 * @param service e.g. {@code SIP+D2U}, {@code SIP+D2T}, {@code SIPS+D2T}
 * @param replacement the domain name to look up next, without the trailing dot
 */
public record NaptrRecord(int order, int preference, String flags, String service, String replacement) {
}
