/**
 * The location service (RFC 3261 §10): which contacts are registered for an address-of-record
 * right now. The proxy's target chain reads it; the registrar module implements it in memory.
 */
package org.switchboard.core.location;
