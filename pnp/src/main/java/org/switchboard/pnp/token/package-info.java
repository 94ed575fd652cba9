/**
 * Fetch tokens for settings files: HMAC-SHA256 over the device's MAC and an expiry time, so a URL
 * handed to one phone opens only that phone's file, and only for a while. The key lives in a file
 * under the data directory readable by the server's user alone.
 */
package org.switchboard.pnp.token;
