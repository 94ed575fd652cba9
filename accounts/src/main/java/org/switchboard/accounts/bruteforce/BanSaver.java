package org.switchboard.accounts.bruteforce;

import java.net.InetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.spi.service.BlockingExecutor;
import org.switchboard.core.spi.store.Ban;
import org.switchboard.core.spi.store.BanStore;

/**
 * Saves each ban in the {@link BanStore} as the guard makes it, and deletes it as it is lifted, on a
 * thread of its own and in the order they happened, so that bans survive a killed process. Never
 * blocks the caller: a ban made on an event loop is saved in the background. A save that fails is
 * logged; the ban stays in force in memory and is saved again at a clean stop. Thread-safe.
 */
public final class BanSaver implements BanListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BanSaver.class);
    /** Bans waiting to be saved; far more than any attack makes while one save runs. */
    private static final int QUEUE = 10_000;

    private final BanStore store;
    private final BlockingExecutor executor = new BlockingExecutor("registrar-bans", 1, QUEUE);

    public BanSaver(BanStore store) {
        this.store = store;
    }

    @Override
    public void banned(Ban ban) {
        executor.submit(() -> {
            store.save(ban);
            return null;
        }).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.warn("Could not save the ban of {}; it holds until a restart: {}", ban.source().getHostAddress(),
                        error.toString());
            }
        });
    }

    @Override
    public void lifted(InetAddress source) {
        executor.submit(() -> store.remove(source)).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.warn("Could not delete the saved ban of {}; it comes back at a restart: {}",
                        source.getHostAddress(), error.toString());
            }
        });
    }

    /** Finishes the saves queued so far. Blocks. */
    @Override
    public void close() {
        executor.close();
    }
}
