package org.switchboard.server;

import java.io.IOException;
import java.util.List;
import org.switchboard.core.stack.SipStack;
import org.switchboard.core.stack.SipStackConfig;
import org.switchboard.core.transport.netty.TransportConfig;
import org.switchboard.server.config.ServerConfig;
import org.switchboard.server.lifecycle.Lifecycle;

/** The SIP stack as a part of the server: binds the configured listen points on start. */
final class SipStackComponent implements Lifecycle {
    private final SipStack stack;

    SipStackComponent(ServerConfig config) {
        TransportConfig transport = TransportConfig.withListenPoints(config.sipListenPoints());
        this.stack = new SipStack(SipStackConfig.of(transport), List.of());
    }

    @Override
    public String name() {
        return "SIP stack";
    }

    @Override
    public void start() throws IOException {
        stack.start();
    }

    @Override
    public void stop() {
        stack.stop();
    }
}
