/**
 * The server's live settings: which sections it has, and taking in changes other processes store in
 * a shared database.
 */
package org.switchboard.server.settings;
