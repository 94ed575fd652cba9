/**
 * SIP messages as a test sees them: {@link org.switchboard.testkit.sip.SipMessage} (start line,
 * headers in order, body) parsed leniently and built as text, and {@link
 * org.switchboard.testkit.sip.Match}, described predicates a phone waits for. Deliberately
 * independent of the server's own parser, so that a test checks the server against a second reading
 * of RFC 3261 rather than against itself.
 */
package org.switchboard.testkit.sip;
