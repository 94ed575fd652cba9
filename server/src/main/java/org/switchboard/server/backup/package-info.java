/**
 * Backup and restore of a data directory: {@code switchboard backup FILE} writes one zip file with
 * the embedded database (a transactionally consistent copy taken while the server runs), the key
 * files, the bootstrap file and the registration journal; the running server writes the same file
 * on a schedule into its backup directory, keeping the newest few; {@code switchboard restore FILE}
 * checks such a file and puts it into a stopped server's data directory.
 */
package org.switchboard.server.backup;
