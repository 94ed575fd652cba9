/**
 * The transaction user of the server: the request chain of small processors that validate, answer
 * locally or route each request (RFC 3261 §16.3-16.4), and the stateful forking proxy behind it —
 * a {@link org.switchboard.core.proxy.ProxyContext} per server transaction with a {@link
 * org.switchboard.core.proxy.Branch} per target, best-response selection, CANCEL fan-out, Timer C,
 * redirects, and stateless forwarding of ACKs for 2xx and stray 2xx responses. Runs on the
 * request's shard; DNS and blocking work run on executors and come back to the shard.
 */
package org.switchboard.core.proxy;
