/**
 * The registrar's database: a pooled {@link org.switchboard.store.Database} migrated at
 * open, and the bounded {@link org.switchboard.core.spi.service.BlockingExecutor} on which all database
 * work runs so that no Netty event loop ever waits for it.
 */
package org.switchboard.store;
