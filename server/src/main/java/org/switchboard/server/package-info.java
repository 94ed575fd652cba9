/**
 * The runnable Switchboard: {@link org.switchboard.server.Main} reads the command line, {@link
 * org.switchboard.server.ServerLauncher} runs a server until SIGTERM or Ctrl-C, and {@link
 * org.switchboard.server.Components} lists the server's parts in start order.
 */
package org.switchboard.server;
