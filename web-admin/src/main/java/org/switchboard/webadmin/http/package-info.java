/** The web admin's pages on Jetty 12: routing, access checks, CSRF, FreeMarker rendering. */
package org.switchboard.webadmin.http;
