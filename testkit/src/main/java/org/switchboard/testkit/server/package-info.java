/**
 * A real Switchboard server for end-to-end tests, in the spirit of Armeria's JUnit 5 server
 * extension: {@link org.switchboard.testkit.server.SwitchboardServer} starts it on 127.0.0.1 with
 * ephemeral ports (SIP over UDP and TCP on one port, HTTP) and a temporary data directory, creates
 * the test's domains and users, hands out its addresses and phones for it, and stops it after the
 * test (or the class, when the extension is a static field).
 *
 * <p>Why a {@link java.util.ServiceLoader}: the test kit depends on no Switchboard module, so every
 * module, {@code proxy-core} included, can take it as a test dependency without a reactor cycle.
 * The server module, which the kit cannot see, implements {@link
 * org.switchboard.testkit.server.ServerLauncher} in its test sources and registers it in {@code
 * src/test/resources/META-INF/services}; the extension loads whichever launcher is on the test
 * class path and fails with a clear message if there is none.
 */
package org.switchboard.testkit.server;
