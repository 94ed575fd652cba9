/** Calls through the in-process server between scripted phones over real UDP sockets. */
package org.switchboard.server.calls;
