/** The server's side of the web admin: its interfaces implemented over the accounts. */
package org.switchboard.server.webadmin;
