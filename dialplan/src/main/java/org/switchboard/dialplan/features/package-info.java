/**
 * Per-user call features over the dial plan: forwarding (unconditional, on busy, on no answer),
 * do-not-disturb, follow-me, voicemail on busy / no answer / do-not-disturb, and the feature codes
 * a phone dials to switch them. {@link org.switchboard.dialplan.features.FeatureRouter} decides in
 * front of the dial plan; {@link org.switchboard.dialplan.features.FailureForwarding} adds the busy
 * and no-answer targets in the proxy's response stage.
 */
package org.switchboard.dialplan.features;
