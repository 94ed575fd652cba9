package org.switchboard.server.settings;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.spi.settings.StoredSettings;

/**
 * Takes in, every few seconds, the settings other servers of a farm (or the admin command) stored in
 * the shared database, so a change made on one node applies on all of them. Runs on its own daemon
 * thread, never on an event loop; a database that cannot be read is logged once per outage and tried
 * again at the next turn.
 */
public final class SettingsRefresh implements AutoCloseable {
    /** How often the database is read; a change reaches every node within this time. */
    public static final Duration EVERY = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(SettingsRefresh.class);
    private static final String WHO = "another process on the shared database";

    private final StoredSettings settings;
    private final ScheduledExecutorService timer;
    private boolean failing;

    private SettingsRefresh(StoredSettings settings) {
        this.settings = settings;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "settings-refresh");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts refreshing {@code settings} every {@link #EVERY}. */
    public static SettingsRefresh start(StoredSettings settings) {
        SettingsRefresh refresh = new SettingsRefresh(settings);
        refresh.timer.scheduleWithFixedDelay(refresh::refresh, EVERY.toMillis(), EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        return refresh;
    }

    private void refresh() {
        try {
            settings.refresh(WHO);
            if (failing) {
                LOG.info("Reading the live settings from the database works again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("Could not read the live settings from the database; changes other servers make wait until"
                        + " it can be read again: {}", e.toString());
                failing = true;
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
