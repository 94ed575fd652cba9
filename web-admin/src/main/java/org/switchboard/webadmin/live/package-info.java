/** Live numbers for the dashboard, counted from the server's event bus. */
package org.switchboard.webadmin.live;
