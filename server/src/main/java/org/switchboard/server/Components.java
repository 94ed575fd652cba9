package org.switchboard.server;

import java.util.List;
import org.switchboard.core.transport.ListenPoint;
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
     * a data directory another server owns; then the registrar (database, bindings, users); then the
     * SIP stack, which listens on {@link ServerConfig#sipListenPoints()} and uses the registrar.
     *
     * @param config the validated configuration
     * @return the parts, in start order
     */
    public static List<Lifecycle> create(ServerConfig config) {
        RegistrarComponent registrar = new RegistrarComponent(config);
        return List.of(new DataDirectoryLock(config.dataDir()), registrar, new SipStackComponent(config, registrar));
    }
}
