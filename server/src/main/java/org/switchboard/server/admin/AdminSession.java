package org.switchboard.server.admin;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.function.IntSupplier;
import org.switchboard.accounts.directory.PasswordGenerator;
import org.switchboard.accounts.directory.PasswordVault;
import org.switchboard.accounts.directory.UserDirectory;
import org.switchboard.core.spi.store.BanStore;
import org.switchboard.core.spi.store.DeviceException;
import org.switchboard.core.spi.store.CallFeatureStore;
import org.switchboard.core.spi.store.DialPlanStore;
import org.switchboard.core.spi.store.TrunkStore;
import org.switchboard.core.spi.store.DirectoryException;
import org.switchboard.core.spi.store.StoreException;
import org.switchboard.pnp.devices.DeviceRegistry;
import org.switchboard.server.data.Storage;
import org.switchboard.store.Database;
import org.switchboard.store.accounts.JdbcDomainStore;
import org.switchboard.store.accounts.JdbcUserStore;
import org.switchboard.store.bans.JdbcBanStore;
import org.switchboard.store.admin.JdbcApiTokenStore;
import org.switchboard.store.calls.JdbcCallRecordStore;
import org.switchboard.store.devices.JdbcDeviceStore;
import org.switchboard.store.dialplan.JdbcDialPlanStore;
import org.switchboard.store.features.JdbcCallFeatureStore;
import org.switchboard.store.trunks.JdbcTrunkStore;

/**
 * The data directory opened for one admin command: database, user directory, phone inventory,
 * saved bans and call records. The
 * embedded H2 database admits one process at a time, so a command fails with a clear message while
 * the server runs. Blocks; used by one command on the main thread.
 */
final class AdminSession implements AutoCloseable {
    /** H2's error code for a database file locked by another process. */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private final Database database;
    private final UserDirectory directory;
    private final BanStore bans;
    private final DeviceRegistry devices;

    private AdminSession(Database database, UserDirectory directory, BanStore bans, DeviceRegistry devices) {
        this.database = database;
        this.directory = directory;
        this.bans = bans;
        this.devices = devices;
    }

    /** What a command does with an open session; returns the exit code. */
    @FunctionalInterface
    interface Work {
        int run(AdminSession session);
    }

    /**
     * Opens {@code storage}, runs {@code work} and closes it. An error the admin can fix (among them
     * a database that cannot be reached or refuses the credentials) is printed as one line on {@code
     * err} and gives exit code 1; no stack trace, no password.
     */
    static int run(Storage storage, PrintWriter err, Work work) {
        return run(storage, err, work, () -> {
            err.println("Error: the data directory " + storage.dataDir() + " is in use by a running Switchboard"
                    + " server; stop the server first, or make the change in the web admin");
            return 1;
        });
    }

    /**
     * As {@link #run(Storage, PrintWriter, Work)}, but runs {@code whileServerRuns} instead
     * of failing when a server runs on the data directory.
     */
    static int run(Storage storage, PrintWriter err, Work work, IntSupplier whileServerRuns) {
        return run(storage, err, work, whileServerRuns, false);
    }

    /**
     * As {@link #run(Storage, PrintWriter, Work)}, for data a running server reads again by itself
     * (the dial plan, whose revision it polls): on PostgreSQL the work runs while a server runs on
     * the data directory too. The embedded database still admits one process.
     */
    static int runAlongsideServer(Storage storage, PrintWriter err, Work work) {
        return run(storage, err, work, () -> {
            err.println("Error: the data directory " + storage.dataDir() + " is in use by a running Switchboard"
                    + " server; stop the server first (the embedded database admits one process)");
            return 1;
        }, true);
    }

    private static int run(Storage storage, PrintWriter err, Work work, IntSupplier whileServerRuns,
            boolean alongside) {
        Database database;
        try {
            if (!alongside && storage.serverRunning() && !storage.embedded()) {
                // PostgreSQL would admit the change, but the running server keeps users and bans in
                // memory from its start and writes its bans back at stop: the change would be lost
                return whileServerRuns.getAsInt();
            }
            // Flyway holds one connection for its lock while it migrates on another
            database = storage.openDatabase(2);
        } catch (UncheckedIOException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        } catch (StoreException e) {
            if (lockedByServer(e)) {
                return whileServerRuns.getAsInt();
            }
            err.println("Error: " + e.getMessage());
            return 1;
        }
        try (AdminSession session = open(database, storage.openVault())) {
            return work.run(session);
        } catch (DirectoryException | DeviceException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        } catch (StoreException e) {
            err.println("Error: database failure: " + e.getMessage());
            return 1;
        }
    }

    private static AdminSession open(Database database, PasswordVault vault) {
        UserDirectory directory = new UserDirectory(new JdbcDomainStore(database), new JdbcUserStore(database), vault);
        return new AdminSession(database, directory, new JdbcBanStore(database),
                new DeviceRegistry(new JdbcDeviceStore(database), directory, vault, new PasswordGenerator()::generate,
                        Clock.systemUTC()));
    }

    static boolean lockedByServer(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }

    UserDirectory directory() {
        return directory;
    }

    DeviceRegistry devices() {
        return devices;
    }

    BanStore bans() {
        return bans;
    }

    DialPlanStore dialPlan() {
        return new JdbcDialPlanStore(database);
    }

    CallFeatureStore callFeatures() {
        return new JdbcCallFeatureStore(database);
    }

    TrunkStore trunks() {
        return new JdbcTrunkStore(database);
    }

    JdbcCallRecordStore callRecords() {
        return new JdbcCallRecordStore(database);
    }

    JdbcApiTokenStore apiTokens() {
        return new JdbcApiTokenStore(database);
    }

    @Override
    public void close() {
        database.close();
    }
}
