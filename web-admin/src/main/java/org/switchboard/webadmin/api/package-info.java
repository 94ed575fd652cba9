/** The web admin's JSON API for scripts, with bearer tokens. */
package org.switchboard.webadmin.api;
