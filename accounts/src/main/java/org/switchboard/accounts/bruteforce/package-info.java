/**
 * Brute-force protection: the {@link org.switchboard.accounts.bruteforce.BruteForceGuard} counts
 * authentication failures per source address and user, and per source address, in a sliding window;
 * it blocks a user that keeps failing from one address (that user there only) and bans addresses
 * that guess across users or flood, as its {@link org.switchboard.accounts.bruteforce.BruteForcePolicy}
 * says, except trusted networks ({@link org.switchboard.accounts.bruteforce.Cidr}). Each ban is
 * saved as it is made ({@link org.switchboard.accounts.bruteforce.BanSaver}) in the {@link
 * org.switchboard.core.spi.store.BanStore}, so bans survive a killed process; {@link
 * org.switchboard.accounts.bruteforce.BanLiftRequests} carries lifts from the command line to the
 * running server.
 */
package org.switchboard.accounts.bruteforce;
