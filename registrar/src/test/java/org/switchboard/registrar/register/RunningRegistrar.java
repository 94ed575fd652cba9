package org.switchboard.registrar.register;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.switchboard.core.proxy.ProxyServices;
import org.switchboard.core.proxy.ServerCapabilities;
import org.switchboard.core.stack.SipStack;
import org.switchboard.core.stack.SipStackConfig;
import org.switchboard.core.transaction.TimerSettings;
import org.switchboard.core.transaction.TransactionLimits;
import org.switchboard.core.transport.ListenPoint;
import org.switchboard.core.transport.Transport;
import org.switchboard.core.transport.netty.TransportConfig;
import org.switchboard.registrar.Registrar;
import org.switchboard.registrar.RegistrarConfig;
import org.switchboard.registrar.RegistrarStorage;
import org.switchboard.registrar.TestClock;
import org.switchboard.registrar.binding.CountingBindingStore;
import org.switchboard.store.Database;

/**
 * A {@link Registrar} behind a real {@link SipStack} on an ephemeral UDP port of 127.0.0.1, with
 * its bindings store wrapped in a {@link CountingBindingStore} and a {@link TestClock}; optionally
 * with the forwarding proxy, which authenticates with the registrar's authenticator.
 */
final class RunningRegistrar implements AutoCloseable {
    static final String DOMAIN = "example.com";

    final TestClock clock;
    final Registrar registrar;
    final SipStack stack;
    CountingBindingStore store;

    private RunningRegistrar(RegistrarStorage storage, RegistrarConfig config, TestClock clock, boolean proxy)
            throws IOException {
        this.clock = clock;
        this.registrar = Registrar.start(storage, config, clock, s -> store = new CountingBindingStore(s));
        TransportConfig transport = TransportConfig.withListenPoints(List.of(
                new ListenPoint(Transport.UDP, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))))
                .withEventLoopThreads(1);
        ServerCapabilities defaults = ServerCapabilities.defaults();
        List<String> methods = new ArrayList<>(defaults.allowedMethods());
        methods.add("REGISTER");
        SipStackConfig stackConfig = new SipStackConfig(transport, TimerSettings.DEFAULTS, TransactionLimits.DEFAULTS,
                Set.of(), new ServerCapabilities(methods, defaults.accept(), Set.of("path", "outbound")), "Switchboard");
        this.stack = proxy
                ? new SipStack(stackConfig, registrar.requestProcessors(),
                        ProxyServices.local(registrar.catalog(), registrar.locationService())
                                .withAuthenticator(registrar.authenticator()))
                : new SipStack(stackConfig, registrar.requestProcessors());
        stack.start();
    }

    /** In-memory H2, the key file in {@code dir}, domain example.com. */
    static RunningRegistrar inMemory(Path dir, RegistrarConfig config) throws IOException {
        return inMemory(dir, config, false);
    }

    /** As {@link #inMemory(Path, RegistrarConfig)}, with the proxy if {@code proxy}. */
    static RunningRegistrar inMemory(Path dir, RegistrarConfig config, boolean proxy) throws IOException {
        RegistrarStorage storage = new RegistrarStorage(Database.h2MemoryUrl("e2e-" + UUID.randomUUID()), "sa", "",
                dir.resolve(RegistrarStorage.KEY_FILE), null, null);
        return new RunningRegistrar(storage, config.withInitialDomain(DOMAIN), new TestClock(), proxy);
    }

    static RunningRegistrar inDataDir(Path dataDir, RegistrarConfig config, TestClock clock) throws IOException {
        return new RunningRegistrar(RegistrarStorage.inDataDir(dataDir), config.withInitialDomain(DOMAIN), clock,
                false);
    }

    InetSocketAddress address() {
        return stack.boundListenPoints().get(0).address();
    }

    /** Adds a user with {@code password} and returns a phone for them. */
    TestPhone phone(String user, String password) throws IOException {
        if (registrar.userDirectory().user(DOMAIN, user).isEmpty()) {
            registrar.userDirectory().addUser(DOMAIN, user, null, password);
        }
        return new TestPhone(address(), user, DOMAIN, password);
    }

    @Override
    public void close() {
        stack.stop();
        registrar.close();
    }
}
