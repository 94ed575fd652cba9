package org.switchboard.server.data;

import java.time.Clock;
import java.util.function.UnaryOperator;
import org.switchboard.accounts.Accounts;
import org.switchboard.accounts.AccountsConfig;
import org.switchboard.accounts.directory.PasswordVault;
import org.switchboard.core.spi.event.EventBus;
import org.switchboard.core.spi.store.BindingStore;
import org.switchboard.pnp.devices.DeviceRegistry;
import org.switchboard.registrar.Registrar;
import org.switchboard.registrar.RegistrarConfig;
import org.switchboard.store.Database;
import org.switchboard.store.accounts.JdbcDomainStore;
import org.switchboard.store.accounts.JdbcUserStore;
import org.switchboard.store.bans.JdbcBanStore;
import org.switchboard.store.bindings.JdbcBindingStore;
import org.switchboard.store.devices.JdbcDeviceStore;

/**
 * The features that keep data, wired over one database: the accounts (domains, users, digest,
 * brute-force guard), the registrar (bindings) and the phone inventory, each given the JDBC stores
 * of its aggregates and the other features' services it needs.
 *
 * <p>Lifecycle: {@link #start} opens and migrates the database, then starts the accounts and the
 * registrar; {@link #close} stops them in reverse order and closes the database last. Both block;
 * call them from the server's main thread. The accessors are thread-safe.
 */
public final class Features implements AutoCloseable {
    /**
     * Pooled connections, as many as before the split (four database threads and one more): the
     * binding writer, the ban saver, call records and their retention, and the directory and
     * inventory work of the admin and plugins.
     */
    private static final int POOL_SIZE = 5;

    private final Database database;
    private final Accounts accounts;
    private final Registrar registrar;
    private final DeviceRegistry devices;

    private Features(Database database, Accounts accounts, Registrar registrar, DeviceRegistry devices) {
        this.database = database;
        this.accounts = accounts;
        this.registrar = registrar;
        this.devices = devices;
    }

    /**
     * Starts the features on {@code storage} with the system clock. Blocks.
     *
     * @param events the server's one event bus, where the registrar publishes registrations and the
     *     accounts bans
     */
    public static Features start(Storage storage, AccountsConfig accountsConfig, RegistrarConfig registrarConfig,
            EventBus events) {
        return start(storage, accountsConfig, registrarConfig, Clock.systemUTC(), UnaryOperator.identity(), events);
    }

    /**
     * Starts the features with a given clock, and with the registrar's binding store passed through
     * {@code storeWrapper} (to measure or instrument commits). Blocks.
     *
     * @param events where the registrar publishes registrations and the accounts bans
     * @throws org.switchboard.core.spi.store.StoreException if the database cannot be opened or read
     */
    public static Features start(Storage storage, AccountsConfig accountsConfig, RegistrarConfig registrarConfig,
            Clock clock, UnaryOperator<BindingStore> storeWrapper, EventBus events) {
        Database database = storage.openDatabase(POOL_SIZE);
        Accounts accounts = null;
        try {
            PasswordVault vault = storage.openVault();
            accounts = Accounts.start(new JdbcDomainStore(database), new JdbcUserStore(database),
                    new JdbcBanStore(database), vault, accountsConfig, storage.banLiftDir(), clock, events);
            DeviceRegistry devices = new DeviceRegistry(new JdbcDeviceStore(database), accounts.userDirectory(), vault,
                    accounts.passwords(), clock);
            Registrar registrar = Registrar.start(registrarConfig, new JdbcBindingStore(database), accounts.catalog(),
                    accounts.authenticator(), clock, storeWrapper, events);
            return new Features(database, accounts, registrar, devices);
        } catch (RuntimeException e) {
            if (accounts != null) {
                accounts.close();
            }
            database.close();
            throw e;
        }
    }

    /** The database, for other stores kept in it (call records). Closed by {@link #close}. */
    public Database database() {
        return database;
    }

    public Accounts accounts() {
        return accounts;
    }

    public Registrar registrar() {
        return registrar;
    }

    /** The phone inventory; its methods block. */
    public DeviceRegistry devices() {
        return devices;
    }

    /** Stops the registrar, then the accounts, then closes the database. Blocks. */
    @Override
    public void close() {
        registrar.close();
        accounts.close();
        database.close();
    }
}
