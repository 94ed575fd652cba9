/**
 * The store interfaces, one small blocking interface per aggregate ({@link
 * org.switchboard.core.spi.store.BindingStore}, {@link org.switchboard.core.spi.store.UserStore},
 * {@link org.switchboard.core.spi.store.DomainStore}, {@link
 * org.switchboard.core.spi.store.DeviceStore}, {@link org.switchboard.core.spi.store.BanStore},
 * {@link org.switchboard.core.spi.store.CallRecordStore}), with the records they keep. Features
 * depend on these; the store module implements them over JDBC and the server wires the two.
 * Database failures are {@link org.switchboard.core.spi.store.StoreException}s.
 */
package org.switchboard.core.spi.store;
