/**
 * Subscriptions to the dialog event package (RFC 6665 with RFC 4235): their lifetimes, refreshes
 * and endings, the rate of their NOTIFYs, and the NOTIFY requests themselves.
 */
package org.switchboard.presence.subscription;
