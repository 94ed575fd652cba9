package org.switchboard.server.registrar;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.switchboard.accounts.Accounts;
import org.switchboard.accounts.AccountsConfig;
import org.switchboard.core.proxy.ProxyServices;
import org.switchboard.core.proxy.ServerCapabilities;
import org.switchboard.core.spi.event.QueuedEventBus;
import org.switchboard.core.stack.SipStack;
import org.switchboard.core.stack.SipStackConfig;
import org.switchboard.core.transaction.TimerSettings;
import org.switchboard.core.transaction.TransactionLimits;
import org.switchboard.core.transport.ListenPoint;
import org.switchboard.core.transport.Transport;
import org.switchboard.core.transport.netty.TransportConfig;
import org.switchboard.registrar.Registrar;
import org.switchboard.registrar.RegistrarConfig;
import org.switchboard.server.data.Features;
import org.switchboard.server.data.Storage;
import org.switchboard.store.Database;
import org.switchboard.store.bindings.CountingBindingStore;
import org.switchboard.testkit.time.ManualClock;

/**
 * A {@link Registrar} wired as the server wires it ({@link Features}: accounts and registrar on one
 * database) behind a real {@link SipStack} on an ephemeral UDP port of 127.0.0.1, with its bindings
 * store wrapped in a {@link CountingBindingStore}, a {@link ManualClock} and one event bus; optionally
 * with the forwarding proxy, which authenticates with the registrar's authenticator.
 */
final class RunningRegistrar implements AutoCloseable {
    static final String DOMAIN = "example.com";

    final ManualClock clock;
    /** The one bus the features publish on, as the server's. */
    final QueuedEventBus events = new QueuedEventBus();
    final Features features;
    final Registrar registrar;
    final Accounts accounts;
    final SipStack stack;
    CountingBindingStore store;

    private RunningRegistrar(Storage storage, AccountsConfig accountsConfig, RegistrarConfig registrarConfig,
            ManualClock clock, boolean proxy) throws IOException {
        this.clock = clock;
        this.features = Features.start(storage, accountsConfig, registrarConfig, clock,
                s -> store = new CountingBindingStore(s), events);
        this.registrar = features.registrar();
        this.accounts = features.accounts();
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
                        ProxyServices.local(accounts.catalog(), registrar.locationService())
                                .withAuthenticator(accounts.authenticator()))
                : new SipStack(stackConfig, registrar.requestProcessors());
        stack.start();
    }

    /** In-memory H2, bindings written through, the key file in {@code dir}, domain example.com. */
    static RunningRegistrar inMemory(Path dir, AccountsConfig config) throws IOException {
        return inMemory(dir, config, false);
    }

    /** As {@link #inMemory(Path, AccountsConfig)}, with the proxy if {@code proxy}. */
    static RunningRegistrar inMemory(Path dir, AccountsConfig config, boolean proxy) throws IOException {
        Storage storage = new Storage(Database.h2MemoryUrl("e2e-" + UUID.randomUUID()), "sa", "",
                dir.resolve(Storage.KEY_FILE), null, null);
        return new RunningRegistrar(storage, config.withInitialDomain(DOMAIN), RegistrarConfig.defaults(),
                new ManualClock(), proxy);
    }

    /** The server's storage in {@code dataDir}: embedded H2 file, bindings journaled. */
    static RunningRegistrar inDataDir(Path dataDir, AccountsConfig config, ManualClock clock) throws IOException {
        Storage storage = Storage.inDataDir(dataDir);
        return new RunningRegistrar(storage, config.withInitialDomain(DOMAIN),
                RegistrarConfig.defaults().withJournal(storage.journalDir()), clock, false);
    }

    InetSocketAddress address() {
        return stack.boundListenPoints().get(0).address();
    }

    /** Adds a user with {@code password} and returns a phone for them. */
    TestPhone phone(String user, String password) throws IOException {
        if (accounts.userDirectory().user(DOMAIN, user).isEmpty()) {
            accounts.userDirectory().addUser(DOMAIN, user, null, password);
        }
        return new TestPhone(address(), user, DOMAIN, password);
    }

    @Override
    public void close() {
        stack.stop();
        features.close();
    }
}
