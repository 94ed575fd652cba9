/** Directed call pickup: a ringing colleague's call taken over with an INVITE with Replaces (RFC 3891). */
package org.switchboard.presence.pickup;
