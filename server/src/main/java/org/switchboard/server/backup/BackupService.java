package org.switchboard.server.backup;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.switchboard.server.data.Features;
import org.switchboard.server.lifecycle.Lifecycle;

/**
 * Takes the backups the command line asks for while the server runs ({@link BackupRequests}), as a
 * part of the server with the embedded database: looks for requests every second on a thread of its
 * own, off the SIP threads, and writes each backup from the running database ({@link BackupWriter}).
 */
public final class BackupService implements Lifecycle {
    private final Path dataDir;
    private final Supplier<Features> features;
    private final BackupWriter writer;
    private ScheduledExecutorService poller;

    /**
     * @param features the started registrar, whose database is backed up
     * @param version the Switchboard version, recorded in each backup
     */
    public BackupService(Path dataDir, Supplier<Features> features, String version) {
        this.dataDir = dataDir;
        this.features = features;
        this.writer = new BackupWriter(Clock.systemUTC(), version);
    }

    @Override
    public String name() {
        return "backup requests in " + dataDir.resolve(BackupRequests.DIR);
    }

    @Override
    public void start() {
        BackupRequests requests = new BackupRequests(dataDir);
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "backup-requests");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(() -> requests.takeAll(
                target -> writer.write(features.get().database(), dataDir, target)), 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        poller.shutdown();
        try {
            // a backup under way finishes before the database closes
            poller.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
