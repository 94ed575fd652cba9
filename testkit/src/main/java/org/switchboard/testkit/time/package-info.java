/**
 * Test time: {@link org.switchboard.testkit.time.ManualClock}, a {@link java.time.Clock} and a
 * timer queue that move only when a test advances them, so timer paths run deterministically and
 * tests never sleep.
 */
package org.switchboard.testkit.time;
