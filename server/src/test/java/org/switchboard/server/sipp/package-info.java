/**
 * Test support for driving a SIP peer with SIPp: {@link org.switchboard.server.sipp.Sipp} finds
 * the {@code sipp} binary and runs scenarios from {@code src/test/resources/sipp/<name>/scenario.xml},
 * bounded in time, and reports call counts from SIPp's statistics file.
 */
package org.switchboard.server.sipp;
