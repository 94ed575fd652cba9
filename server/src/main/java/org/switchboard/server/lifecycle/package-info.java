/**
 * Starting and stopping the server's parts in order: {@link
 * org.switchboard.server.lifecycle.Lifecycle} is what a part implements, {@link
 * org.switchboard.server.lifecycle.Server} starts them in order and stops them in reverse.
 */
package org.switchboard.server.lifecycle;
