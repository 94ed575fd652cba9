package org.switchboard.core.plugin;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.switchboard.core.spi.service.ActiveCallsService;
import org.switchboard.core.spi.service.BansService;
import org.switchboard.core.spi.service.BindingsService;
import org.switchboard.core.spi.service.CallRecordsService;
import org.switchboard.core.spi.service.DevicesService;
import org.switchboard.core.spi.service.MessageTraceService;
import org.switchboard.core.spi.service.UserAccounts;

/**
 * What the server hands a {@link Plugin} at start: the data directory, the HTTP mount point, the
 * SIP services, executors for timed and blocking work, and the typed services of the other
 * features: {@link #users()}, {@link #bindings()}, {@link #activeCalls()}, {@link #callRecords()},
 * {@link #devices()}, {@link #bans()} and {@link #messageTrace()}. Each service documents whether it
 * blocks; those that read the database return a {@link java.util.concurrent.CompletionStage}.
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

    /** Domains and users (the accounts). Its methods block: call them on {@link #blockingExecutor()}. */
    UserAccounts users();

    /** Who is registered where, with each binding's flow (the registrar); listing never blocks. */
    BindingsService bindings();

    /** The calls the proxy follows right now; never blocks. Empty until the SIP stack has started. */
    ActiveCallsService activeCalls();

    /** The stored call records, page by page, off the event loops. */
    CallRecordsService callRecords();

    /** The phone inventory of plug-and-play: list, assign, unassign, off the event loops. */
    DevicesService devices();

    /** The banned source addresses: list, add, lift; never blocks. */
    BansService bans();

    /** The most recent SIP messages, per call or per user; never blocks. Empty until the SIP stack has started. */
    MessageTraceService messageTrace();

    /**
     * A feature's own service that the server wires for the plugin that feature ships (the
     * plug-and-play provisioning inventory, assembled from the server's plug-and-play settings),
     * or empty. Other plugins use the typed services above.
     */
    <T> Optional<T> service(Class<T> type);
}
