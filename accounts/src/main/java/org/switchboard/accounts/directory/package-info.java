/**
 * Domains and users: the {@link org.switchboard.accounts.directory.UserDirectory} service the
 * CLI, web admin and provisioning use, its stores (blocking, JDBC), the {@link
 * org.switchboard.accounts.directory.PasswordVault} that keeps SIP passwords encrypted at rest, and
 * the bulk {@link org.switchboard.accounts.directory.CsvUserImporter}.
 */
package org.switchboard.accounts.directory;
