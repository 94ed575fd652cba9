/**
 * The accounts module's entry point: {@link org.switchboard.accounts.Accounts} assembles domains and
 * users, digest authentication and brute-force protection over the store interfaces the server
 * hands in, with the settings of {@link org.switchboard.accounts.AccountsConfig}.
 */
package org.switchboard.accounts;
