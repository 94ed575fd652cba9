/**
 * Keeping NAT mappings open: the flows of phones registered from behind a NAT over UDP are pinged
 * with OPTIONS from the node that holds them; a flow that stops answering is marked and, after a
 * grace period, its binding is dropped. TCP keep-alives are the phones' (RFC 5626 §4.4.1 CRLF
 * pings, which the core answers).
 */
package org.switchboard.nat.keepalive;
