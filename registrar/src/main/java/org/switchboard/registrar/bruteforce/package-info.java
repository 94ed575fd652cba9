/**
 * Brute-force protection: the {@link org.switchboard.registrar.bruteforce.BruteForceGuard} counts
 * authentication failures per source address and per user in a sliding window and bans sources
 * that exceed its {@link org.switchboard.registrar.bruteforce.BruteForcePolicy}, except trusted
 * networks ({@link org.switchboard.registrar.bruteforce.Cidr}). Bans survive a restart in the
 * {@link org.switchboard.registrar.bruteforce.BanStore}.
 */
package org.switchboard.registrar.bruteforce;
