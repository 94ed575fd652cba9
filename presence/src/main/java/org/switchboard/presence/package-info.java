/**
 * Busy lamps and pickup: the notifier of the RFC 4235 dialog event package for our users, fed by
 * the calls the proxy relays, and directed call pickup of a ringing colleague's call.
 */
package org.switchboard.presence;
