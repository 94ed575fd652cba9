/**
 * The server's data directory: creating it with owner-only permissions and holding an exclusive
 * lock in it so that two servers never share one.
 */
package org.switchboard.server.data;
