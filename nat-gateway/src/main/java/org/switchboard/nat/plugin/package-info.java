/** The NAT gateway's plugin: what it registers with the server at start. */
package org.switchboard.nat.plugin;
