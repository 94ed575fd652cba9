package org.switchboard.dialplan.trunks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.plugin.SipServices;
import org.switchboard.core.spi.store.StoredTrunk;
import org.switchboard.core.spi.store.TrunkRegistration;
import org.switchboard.core.spi.store.TrunkStore;

/**
 * The trunks of a running server: reads them from the {@link TrunkStore}, resolves their addresses,
 * keeps the {@link TrunkDirectory} the router and the target stage read, and runs a {@link
 * RegistrationClient} for each trunk that registers. A changed trunk keeps its registration's
 * Call-ID and CSeq; a removed one is unregistered at its provider.
 *
 * <p>Threading: {@link #refresh} blocks (store, name lookups) and runs on the blocking executor,
 * one at a time; {@link #directory} is one volatile read.
 */
public final class Trunks {
    private static final Logger LOG = LoggerFactory.getLogger(Trunks.class);

    private final TrunkStore store;
    private final SipServices sip;
    private final ScheduledExecutorService scheduler;
    private final Executor blocking;
    private final Clock clock;
    private final Map<String, RegistrationClient> clients = new HashMap<>();
    private List<StoredTrunk> loaded = List.of();
    private volatile TrunkDirectory directory = TrunkDirectory.EMPTY;

    public Trunks(TrunkStore store, SipServices sip, ScheduledExecutorService scheduler, Executor blocking,
            Clock clock) {
        this.store = store;
        this.sip = sip;
        this.scheduler = scheduler;
        this.blocking = blocking;
        this.clock = clock;
    }

    /** The trunks in force. */
    public TrunkDirectory directory() {
        return directory;
    }

    /** The registration status of each registering trunk, from memory. */
    public synchronized List<TrunkRegistration> registrations() {
        return clients.values().stream().map(RegistrationClient::status).toList();
    }

    /** Compares the store with what is in force and applies the changes. Blocks. */
    public synchronized void refresh() {
        List<StoredTrunk> stored = store.trunks();
        if (stored.equals(loaded)) {
            return;
        }
        List<Trunk> trunks = new ArrayList<>();
        for (StoredTrunk config : stored) {
            trunks.add(new Trunk(config, addressesOf(config)));
        }
        directory = new TrunkDirectory(trunks);
        loaded = stored;
        Map<String, RegistrationClient> before = new HashMap<>(clients);
        clients.clear();
        for (Trunk trunk : trunks) {
            RegistrationClient old = before.remove(trunk.name());
            if (old != null && old.trunk().config().equals(trunk.config())) {
                clients.put(trunk.name(), old);
                continue;
            }
            String callId;
            long cseq;
            if (old != null) {
                old.stop(!trunk.config().register());
                callId = old.status().callId();
                cseq = old.cseq();
            } else {
                TrunkRegistration saved = store.registration(trunk.name()).orElse(null);
                callId = saved == null ? RegistrationClient.newCallId() : saved.callId();
                cseq = saved == null ? 0 : saved.cseq();
            }
            if (trunk.config().register()) {
                RegistrationClient client = new RegistrationClient(trunk, callId, cseq, sip, scheduler, blocking,
                        store::saveRegistration, clock);
                clients.put(trunk.name(), client);
                client.start();
            }
        }
        before.values().forEach(gone -> gone.stop(true));
        LOG.info("Trunks: {}", trunks.isEmpty() ? "none" : String.join(", ", trunks.stream()
                .map(t -> t.name() + " (" + t.config().host() + (t.config().register() ? ", registers" : "") + ")")
                .toList()));
    }

    /** Stops every registration (they stay at the providers until they expire, to be refreshed at the next start). */
    public synchronized void stop() {
        clients.values().forEach(c -> c.stop(false));
        clients.clear();
    }

    private static List<InetAddress> addressesOf(StoredTrunk config) {
        List<InetAddress> addresses = new ArrayList<>();
        Trunk bare = new Trunk(config, List.of());
        for (String host : new String[] {config.host(), bare.firstHopHost()}) {
            try {
                for (InetAddress a : InetAddress.getAllByName(host)) {
                    if (!addresses.contains(a)) {
                        addresses.add(a);
                    }
                }
            } catch (UnknownHostException e) {
                LOG.warn("Trunk {}: cannot resolve {}; its inbound calls are not recognised until it resolves",
                        config.name(), host);
            }
        }
        return addresses;
    }
}
