package org.switchboard.server;

import org.switchboard.core.transport.ListenPoint;
import java.util.List;
import org.switchboard.server.config.ServerConfig;
import org.switchboard.server.data.DataDirectoryLock;
import org.switchboard.server.lifecycle.Lifecycle;

/**
 * The parts of a server, in start order; the server stops them in reverse. This is the one place
 * that decides what a Switchboard server consists of. Stateless and thread-safe.
 */
public final class Components {

    private Components() {
    }

    /**
     * The parts for a configuration. The data directory lock comes first, so nothing else touches
     * a data directory another server owns; then the SIP stack, which listens on {@link
     * ServerConfig#sipListenPoints()}.
     *
     * @param config the validated configuration
     * @return the parts, in start order
     */
    public static List<Lifecycle> create(ServerConfig config) {
        return List.of(new DataDirectoryLock(config.dataDir()), new SipStackComponent(config));
    }
}
