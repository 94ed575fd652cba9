package org.switchboard.server.warmup;

import org.switchboard.server.config.ServerConfig;
import org.switchboard.server.lifecycle.Lifecycle;

/**
 * The warm-up as a part of the server, started just before the SIP stack: the database, the data
 * directory lock and HTTP have started by then, so a server that cannot start fails before it
 * spends time warming up. Stopping it does nothing; the warm-up ends within its start.
 */
public final class WarmupComponent implements Lifecycle {
    private final ServerConfig config;

    public WarmupComponent(ServerConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "warm-up (" + config.warmUp().toSeconds() + " s)";
    }

    @Override
    public void start() {
        Warmup.run(config, config.warmUp());
    }

    @Override
    public void stop() {
        // nothing left running: the throwaway server stopped within start()
    }
}
