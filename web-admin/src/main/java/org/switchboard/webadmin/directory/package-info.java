/** The directory data the web admin reads and changes, behind interfaces the server implements. */
package org.switchboard.webadmin.directory;
