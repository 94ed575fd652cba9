/**
 * Trunks: gateways and providers that calls leave and arrive through. Their outbound registration
 * (a UAC REGISTER with digest authentication, refreshed and retried), the copies of calls sent to
 * them (the external number, answering their challenges), failover to the next trunk, and knowing
 * a call that comes from one.
 */
package org.switchboard.dialplan.trunks;
