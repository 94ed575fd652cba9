package org.switchboard.core.plugin;

/**
 * A feature module the server finds with {@link java.util.ServiceLoader} (register the class in
 * {@code META-INF/services/org.switchboard.core.plugin.Plugin}; it needs a public no-argument
 * constructor) and starts with a {@link PluginContext}.
 *
 * <p>Lifecycle: the server calls {@link #start} once, after the SIP stack and the HTTP server are
 * built but before either starts, so that the plugin's request processors and HTTP handlers are in
 * place before the first request; it calls {@link #stop} once, after the SIP stack and the HTTP
 * server have stopped, and only if {@code start} returned normally. Both are called on the server's
 * start-up/shutdown thread and may block (read files, open databases).
 */
public interface Plugin {

    /**
     * The version of this SPI. A plugin built against another version is refused at start, with a
     * message naming it; the number changes whenever a method of this package changes incompatibly.
     */
    int API_VERSION = 1;

    /** A short, stable name for logs and configuration, e.g. {@code pnp}. */
    String name();

    /** The SPI version the plugin was built against; the default is the version it was compiled with. */
    default int apiVersion() {
        return API_VERSION;
    }

    /**
     * Registers what the plugin contributes (request processors, HTTP handlers, multicast filters)
     * and acquires its resources.
     *
     * @throws Exception with a one-line message an admin can act on; the server then does not start
     */
    void start(PluginContext context) throws Exception;

    /** Releases what {@link #start} acquired. Must not throw for ordinary shutdown problems but log them. */
    void stop();
}
