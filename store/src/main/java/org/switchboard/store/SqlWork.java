package org.switchboard.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Database work on one connection, for {@link Database#inTransaction} and {@link
 * Database#withConnection}. Runs on the calling thread and blocks.
 */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
