package org.switchboard.accounts.bruteforce;

import java.net.InetAddress;
import org.switchboard.core.spi.store.Ban;

/**
 * Told of each ban the {@link BruteForceGuard} makes or an admin lifts, e.g. to save it at once.
 * Called on the thread that caused it — an event loop, for a failed authentication — so it must not
 * block: hand the work to another thread.
 */
public interface BanListener {

    /** Does nothing. */
    BanListener NONE = new BanListener() {
        @Override
        public void banned(Ban ban) {
        }

        @Override
        public void lifted(InetAddress source) {
        }
    };

    /** {@code ban} was just made. */
    void banned(Ban ban);

    /** The ban on {@code source} was lifted. */
    void lifted(InetAddress source);
}
