package org.switchboard.server;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.stack.SipStack;
import org.switchboard.core.stack.SipStackConfig;
import org.switchboard.core.transport.netty.MulticastConfig;
import org.switchboard.core.transport.netty.TransportConfig;
import org.switchboard.server.config.PnpSettings;
import org.switchboard.server.config.ServerConfig;
import org.switchboard.server.lifecycle.Lifecycle;

/**
 * The SIP stack as a part of the server. It starts after the plugins, so it is built at start with
 * the request processors they registered, and it listens on the SIP multicast group if a plugin
 * asked for it and the configuration allows it; then it binds the configured listen points.
 */
final class SipStackComponent implements Lifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(SipStackComponent.class);

    private final ServerConfig config;
    private final StackServices services;
    private SipStack stack;

    SipStackComponent(ServerConfig config, StackServices services) {
        this.config = config;
        this.services = services;
    }

    @Override
    public String name() {
        return "SIP stack";
    }

    @Override
    public void start() throws IOException {
        TransportConfig transport = TransportConfig.withListenPoints(config.sipListenPoints());
        SipStack built = new SipStack(SipStackConfig.of(transport), services.localProcessors());
        Optional<Predicate<SipRequest>> filter = services.multicastFilter();
        PnpSettings pnp = config.pnp();
        if (filter.isPresent() && pnp.multicast()) {
            built.transports().enableMulticast(new MulticastConfig(MulticastConfig.SIP_GROUP, pnp.multicastPort(),
                    pnp.interfaces(), filter.get()));
        } else if (filter.isPresent()) {
            LOG.info("Not listening for multicast SIP (--pnp-interfaces none): phones must be given this server's "
                    + "address for plug-and-play");
        }
        built.start();
        stack = built;
        services.attach(built);
    }

    @Override
    public void stop() {
        services.detach();
        stack.stop();
    }
}
