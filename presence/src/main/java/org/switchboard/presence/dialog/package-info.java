/** The dialogs of our users as the proxy sees them relayed, and their RFC 4235 dialog-info document. */
package org.switchboard.presence.dialog;
