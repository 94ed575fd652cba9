package org.switchboard.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.proxy.ProxyServices;
import org.switchboard.core.proxy.ServerCapabilities;
import org.switchboard.core.spi.chain.ProcessorStages;
import org.switchboard.core.spi.chain.Stage;
import org.switchboard.core.spi.datagram.ClaimTap;
import org.switchboard.core.stack.SipStack;
import org.switchboard.core.stack.SipStackConfig;
import org.switchboard.core.transport.Transport;
import org.switchboard.core.transport.TransportStats;
import org.switchboard.core.transport.netty.MulticastConfig;
import org.switchboard.core.transport.netty.TransportConfig;
import org.switchboard.server.config.GuardSettings;
import org.switchboard.server.config.PnpSettings;
import org.switchboard.server.config.ServerConfig;
import org.switchboard.server.tls.TlsComponent;
import org.switchboard.server.lifecycle.Lifecycle;

/**
 * The SIP stack as a part of the server: the registrar's REGISTER processing, the plugins'
 * processors and the stateful proxy routing to registered phones, which writes a call record of
 * every INVITE dialog to the registrar's database. It starts after the registrar and the plugins, so
 * it is built at start with their processors; it listens on the SIP multicast group if a plugin
 * asked for it and the configuration allows it; then it binds the configured listen points.
 */
final class SipStackComponent implements Lifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(SipStackComponent.class);

    private final ServerConfig config;
    private final RegistrarComponent registrar;
    private final StackServices services;
    private final TlsComponent tls;
    private volatile SipStack stack;

    /** @param tls the certificate, or {@code null} when the server uses no TLS */
    SipStackComponent(ServerConfig config, RegistrarComponent registrar, StackServices services, TlsComponent tls) {
        this.config = config;
        this.tls = tls;
        this.registrar = registrar;
        this.services = services;
    }

    @Override
    public String name() {
        return "SIP stack";
    }

    @Override
    public void start() throws IOException {
        ServerCapabilities core = ServerCapabilities.defaults();
        List<String> methods = new ArrayList<>(core.allowedMethods());
        methods.add("REGISTER");
        // RFC 3327 Path and RFC 5626 outbound are handled by the registrar
        ServerCapabilities capabilities = new ServerCapabilities(methods, core.accept(), Set.of("path", "outbound"));
        GuardSettings guard = config.guard();
        TransportConfig transport = TransportConfig.withListenPoints(config.sipListenPoints())
                .withMaxConnectionsPerSource(guard.tcpConnectionsPerSource())
                .withFirstMessageTimeout(guard.tcpFirstMessageTimeout());
        SipStackConfig stackConfig = SipStackConfig.of(transport)
                .withHostNames(registrar.catalog().domains())
                .withCapabilities(capabilities);
        ProcessorStages.Builder stages = ProcessorStages.builder();
        registrar.features().registrar().requestProcessors().forEach(p -> stages.add(Stage.LOCAL, p));
        ProcessorStages local = stages.addAll(services.processors()).build();
        ProxyServices plain = ProxyServices
                .local(registrar.catalog(), registrar.features().registrar().locationService());
        // a plugin's router (the dial plan) reaches users and other domains through the default one
        ProxyServices proxy = plain.withRouter(services.router(plain.router(), registrar.catalog()))
                .withAuthenticator(registrar.features().accounts().authenticator())
                .withCallRecords(registrar.callRecords())
                .withEvents(services.events())
                .withHooks(services.hooks())
                .withLiveSettings(registrar.settings());
        SipStack built = new SipStack(stackConfig, local, proxy);
        built.transports().filterSources(new BannedSources(registrar.features().accounts().bruteForceGuard(),
                guard.banAction()));
        if (config.transports().contains(Transport.TLS)) {
            built.transports().enableTls(tls.sipContexts());
        }
        services.datagramClaims().forEach(claim -> built.transports().claimDatagrams(new ClaimTap(claim)));
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

    /** The SIP stack once started (and after it stopped, for its final counts), else {@code null}. */
    SipStack stack() {
        return stack;
    }

    @Override
    public void stop() {
        services.detach();
        stack.stop();
        TransportStats stats = stack.transports().stats();
        if (stats.blockedDrops() + stats.connectionsRefused() + stats.firstMessageTimeouts() > 0) {
            LOG.info("Since start: {} datagrams, connections and messages from banned addresses dropped, {} TCP"
                    + " connections refused at a limit, {} closed without a first message", stats.blockedDrops(),
                    stats.connectionsRefused(), stats.firstMessageTimeouts());
        }
    }
}
