package org.switchboard.core.plugin;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the server hands a {@link Plugin} at start: the data directory, the HTTP mount point, the
 * SIP services, executors for timed and blocking work, and optional services offered by other
 * modules (a device inventory, a user directory) looked up by type.
 *
 * <p>Thread-safe. The executors are owned by the server: plugins submit work but never shut them
 * down.
 */
public interface PluginContext {

    /** The server's data directory; it exists and is writable. A plugin keeps its files in it. */
    Path dataDirectory();

    /** Where the plugin mounts HTTP handlers. */
    HttpMount http();

    /** The SIP side: request processors, multicast filters, sending requests. */
    SipServices sip();

    /**
     * For delayed and periodic work that does not block (it is shared by all plugins). Blocking
     * work goes to {@link #blockingExecutor()}.
     */
    ScheduledExecutorService scheduler();

    /**
     * For blocking work (database, files, HTTP calls out), bounded in threads and queue: a task
     * submitted while it is saturated is rejected with {@link
     * java.util.concurrent.RejectedExecutionException}, never queued without limit. Results go back
     * to an event loop through the SIP services' callbacks, never by blocking one.
     */
    Executor blockingExecutor();

    /**
     * A service another module offers under this type, or empty if none does (for example the
     * device inventory before the database exists).
     */
    <T> Optional<T> service(Class<T> type);
}
