/**
 * Targets of call features and groups as an admin or a phone writes them: a number of the owner's
 * domain, {@code user@host}, a SIP URI, or {@code voicemail}.
 */
package org.switchboard.dialplan.target;
