package org.switchboard.server.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.switchboard.server.config.BackupSettings;
import org.switchboard.server.data.Features;
import org.switchboard.server.lifecycle.Lifecycle;

/**
 * The running server's backups, as a part of the server with the embedded database: the ones the
 * command line asks for ({@link BackupRequests}) and the scheduled ones ({@link ScheduledBackups}).
 * Every second, on a thread of its own, off the SIP threads, it takes the requests waiting and then
 * the scheduled backup if it is due, one backup at a time, each written from the running database
 * ({@link BackupWriter}); what they come to is counted in {@link BackupOutcomes}.
 */
public final class BackupService implements Lifecycle {
    private final Path dataDir;
    private final Supplier<Features> features;
    private final BackupWriter writer;
    private final BackupSettings settings;
    private final Clock clock;
    private final BackupOutcomes outcomes;
    private ScheduledExecutorService poller;

    /**
     * @param features the started registrar, whose database is backed up
     * @param version the Switchboard version, recorded in each backup
     * @param settings the schedule, directory and retention of the scheduled backups
     * @param clock the time the schedule follows, in the zone its times of day are in
     */
    public BackupService(Path dataDir, Supplier<Features> features, String version, BackupSettings settings,
            Clock clock, BackupOutcomes outcomes) {
        this.dataDir = dataDir;
        this.features = features;
        this.writer = new BackupWriter(clock, version);
        this.settings = settings;
        this.clock = clock;
        this.outcomes = outcomes;
    }

    @Override
    public String name() {
        return "backups (requests in " + dataDir.resolve(BackupRequests.DIR) + ", schedule " + settings.schedule() + ")";
    }

    @Override
    public void start() {
        BackupRequests requests = new BackupRequests(dataDir);
        ScheduledBackups scheduled = settings.schedule().enabled()
                ? new ScheduledBackups(settings.schedule(), new BackupRetention(settings.dir(dataDir), settings.keep()),
                        clock, this::write, outcomes)
                : null;
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "backups");
            thread.setDaemon(true);
            return thread;
        });
        if (scheduled != null) {
            poller.execute(scheduled::start);
        }
        poller.scheduleWithFixedDelay(() -> {
            requests.takeAll(this::writeRequested);
            if (scheduled != null) {
                scheduled.tick();
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    private String write(Path target) throws Exception {
        return writer.write(features.get().database(), dataDir, target);
    }

    private String writeRequested(Path target) throws Exception {
        try {
            String what = write(target);
            outcomes.recordSuccess(BackupOutcomes.Trigger.REQUESTED, clock.instant(), Files.size(target));
            return what;
        } catch (Exception e) {
            outcomes.recordFailure(BackupOutcomes.Trigger.REQUESTED);
            throw e;
        }
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
