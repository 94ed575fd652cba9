/** End-to-end tests of phone plug-and-play on an in-process server over real sockets. */
package org.switchboard.server.pnp;
