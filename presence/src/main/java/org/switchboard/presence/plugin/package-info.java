/**
 * The presence plugin: the SUBSCRIBE processors of the dialog event package, the pickup processor,
 * the relay hook that follows calls, the settings section and the NOTIFY ticks.
 */
package org.switchboard.presence.plugin;
