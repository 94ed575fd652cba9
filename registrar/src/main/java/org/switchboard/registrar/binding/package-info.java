/**
 * Registrations: {@link org.switchboard.core.spi.store.Binding}s of addresses-of-record to
 * contacts, their {@link org.switchboard.core.spi.store.BindingStore} (blocking, JDBC), and the
 * {@link org.switchboard.registrar.binding.InMemoryLocationService} that applies RFC 3261 §10.3 and
 * RFC 5626 §6 binding rules in memory and answers lookups without touching the database.
 */
package org.switchboard.registrar.binding;
