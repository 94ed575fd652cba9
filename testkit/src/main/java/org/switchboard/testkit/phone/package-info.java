/**
 * The scripted phone: {@link org.switchboard.testkit.phone.Phone} over a real UDP or TCP socket,
 * its {@link org.switchboard.testkit.phone.ClientTransaction}s (register, challenge, answer,
 * retransmission), {@link org.switchboard.testkit.phone.Call}s (invite, ack, cancel, bye) and
 * {@link org.switchboard.testkit.phone.Incoming} requests it answers (ring, answer, reject,
 * expect ACK or CANCEL). Each phone reads on its own daemon thread into an inbox the test's thread
 * takes from; every wait is bounded by the phone's timeout.
 */
package org.switchboard.testkit.phone;
