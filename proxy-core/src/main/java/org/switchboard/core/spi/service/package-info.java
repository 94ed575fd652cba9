/**
 * Services one feature offers another, as interfaces the server wires an implementation into:
 * {@link org.switchboard.core.spi.service.UserAccounts} and {@link
 * org.switchboard.core.spi.service.SecretVault} from the accounts, and the bounded {@link
 * org.switchboard.core.spi.service.BlockingExecutor} for blocking work off the event loops.
 */
package org.switchboard.core.spi.service;
