package org.switchboard.server;

import java.time.Clock;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.cdr.CallRecordStore;
import org.switchboard.core.spi.event.EventBus;
import org.switchboard.registrar.Registrar;
import org.switchboard.registrar.RegistrarConfig;
import org.switchboard.registrar.RegistrarStorage;
import org.switchboard.registrar.calls.CallRecordRetention;
import org.switchboard.registrar.calls.CallRecordWriter;
import org.switchboard.registrar.calls.JdbcCallRecordStore;
import org.switchboard.registrar.directory.DirectoryCatalog;
import org.switchboard.server.config.ServerConfig;
import org.switchboard.server.lifecycle.Lifecycle;

/**
 * The registrar as a part of the server: opens the database under the data directory, loads the
 * bindings and the directory snapshot the proxy routes by, and keeps the call records in the same
 * database (written in batches, pruned after the retention period). Must start before the SIP
 * stack, which takes its processors and services; on stop the queued call records are written
 * before the database closes.
 */
final class RegistrarComponent implements Lifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(RegistrarComponent.class);
    /** Call records that may wait for the database, bounding memory when it is slow. */
    private static final int CALL_RECORD_QUEUE = 10_000;

    private final EventBus events;
    private final ServerConfig config;
    private Registrar registrar;
    private DirectoryCatalog catalog;
    private CallRecordWriter callRecords;
    private CallRecordRetention callRecordRetention;

    /** @param events where the registrar publishes registrations and bans */
    RegistrarComponent(ServerConfig config, EventBus events) {
        this.config = config;
        this.events = events;
    }

    @Override
    public String name() {
        return "registrar";
    }

    @Override
    public void start() {
        RegistrarConfig registrarConfig = RegistrarConfig.defaults().withDigestAlgorithms(config.digestAlgorithms())
                .withTrustedNetworks(config.guard().trustedNetworks());
        if (config.domain() != null) {
            registrarConfig = registrarConfig.withInitialDomain(config.domain());
        }
        registrar = Registrar.start(RegistrarStorage.inDataDir(config.dataDir()), registrarConfig, Clock.systemUTC(),
                UnaryOperator.identity(), events);
        if (!config.guard().trustedNetworks().isEmpty()) {
            LOG.info("Trusted networks, never banned: {}", config.guard().trustedNetworks());
        }
        catalog = registrar.catalog();
        if (catalog.domains().isEmpty()) {
            LOG.warn("No SIP domain is set up yet: phones cannot register. Stop the server and run "
                    + "'switchboard domain add example.com', or start it once with --domain example.com");
        } else {
            LOG.info("Serving SIP domains {}", catalog.domains());
        }
        JdbcCallRecordStore store = new JdbcCallRecordStore(registrar.database());
        callRecords = new CallRecordWriter(store, CALL_RECORD_QUEUE);
        callRecords.start();
        callRecordRetention = new CallRecordRetention(store, config.cdrRetention(), Clock.systemUTC());
        callRecordRetention.start();
        LOG.info("Keeping call records for {} days", config.cdrRetention().toDays());
    }

    @Override
    public void stop() {
        callRecordRetention.close();
        callRecords.close();
        registrar.close();
    }

    Registrar registrar() {
        return registrar;
    }

    DirectoryCatalog catalog() {
        return catalog;
    }

    /** Where the proxy writes a record of every call; never blocks. */
    CallRecordStore callRecords() {
        return callRecords;
    }
}
