package org.switchboard.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.switchboard.core.proxy.ProxyServices;
import org.switchboard.core.proxy.ServerCapabilities;
import org.switchboard.core.stack.SipStack;
import org.switchboard.core.stack.SipStackConfig;
import org.switchboard.core.transport.netty.TransportConfig;
import org.switchboard.server.config.ServerConfig;
import org.switchboard.server.lifecycle.Lifecycle;

/**
 * The SIP stack as a part of the server: the registrar's REGISTER processing and the stateful
 * proxy routing to registered phones, on the configured listen points.
 */
final class SipStackComponent implements Lifecycle {
    private final ServerConfig config;
    private final RegistrarComponent registrar;
    private SipStack stack;

    SipStackComponent(ServerConfig config, RegistrarComponent registrar) {
        this.config = config;
        this.registrar = registrar;
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
        SipStackConfig stackConfig = SipStackConfig.of(TransportConfig.withListenPoints(config.sipListenPoints()))
                .withHostNames(registrar.catalog().domains())
                .withCapabilities(capabilities);
        ProxyServices services = ProxyServices.local(registrar.catalog(), registrar.registrar().locationService())
                .withAuthenticator(registrar.registrar().authenticator());
        stack = new SipStack(stackConfig, registrar.registrar().requestProcessors(), services);
        stack.start();
    }

    @Override
    public void stop() {
        stack.stop();
    }
}
