/**
 * The typed bootstrap configuration of a Switchboard server: where it listens, where it keeps its
 * data and how much it logs. Values here are already validated; nothing in this package reads
 * flags, environment variables or files.
 */
package org.switchboard.server.config;
