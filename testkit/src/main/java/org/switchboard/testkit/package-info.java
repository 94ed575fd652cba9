/**
 * Switchboard's test kit, for the tests of every module (a test-scoped dependency; it depends on
 * no Switchboard module, so no reactor cycle can arise): {@code phone} is one scripted SIP phone
 * over real UDP and TCP sockets, {@code sip} the messages it reads and writes, digest answers and
 * matchers, {@code time} one manual clock for timers and {@link java.time.Clock} users, and {@code
 * server} a JUnit 5 extension that starts a real server on ephemeral ports through a launcher the
 * server module registers with {@link java.util.ServiceLoader}.
 */
package org.switchboard.testkit;
