/**
 * Logging helpers the engine's packages share: {@link org.switchboard.core.log.RateLimitedLog}
 * for events that can recur thousands of times a second.
 */
package org.switchboard.core.log;
