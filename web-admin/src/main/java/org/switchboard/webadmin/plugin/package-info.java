/** The web admin as a server plugin. */
package org.switchboard.webadmin.plugin;
