/**
 * Warming the server up before it opens its SIP sockets: synthetic registrations and calls through a
 * throwaway server on loopback, so the JIT compiler has compiled the message, transaction, proxy,
 * digest and registrar paths before the first phone's packet arrives.
 */
package org.switchboard.server.warmup;
