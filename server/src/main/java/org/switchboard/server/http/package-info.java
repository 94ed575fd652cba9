/**
 * The server's one HTTP server (Jetty 12 core), to which plugins mount their handlers through the
 * {@link org.switchboard.core.plugin.HttpMount} it implements.
 */
package org.switchboard.server.http;
