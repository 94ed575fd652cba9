/**
 * How registered contacts are reached: over the flow their REGISTER came on, or at their Contact
 * URI ({@link org.switchboard.core.spi.reach.ReachPolicy}). The registrar asks; a NAT gateway decides.
 */
package org.switchboard.core.spi.reach;
