package org.switchboard.server;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.accounts.AccountsConfig;
import org.switchboard.accounts.directory.DirectoryCatalog;
import org.switchboard.core.spi.event.EventBus;
import org.switchboard.core.spi.reach.ReachPolicy;
import org.switchboard.core.spi.settings.SettingOverride;
import org.switchboard.core.spi.settings.Settings;
import org.switchboard.core.spi.settings.StoredSettings;
import org.switchboard.core.spi.store.CallRecordStore;
import org.switchboard.registrar.Registrar;
import org.switchboard.registrar.RegistrarConfig;
import org.switchboard.registrar.register.ExpiryRules;
import org.switchboard.server.config.ServerConfig;
import org.switchboard.server.data.Features;
import org.switchboard.server.data.Storage;
import org.switchboard.server.settings.SettingsRefresh;
import org.switchboard.server.settings.SettingsSections;
import org.switchboard.server.lifecycle.Lifecycle;
import org.switchboard.store.calls.CallRecordRetention;
import org.switchboard.store.calls.CallRecordWriter;
import org.switchboard.store.calls.JdbcCallRecordStore;
import org.switchboard.store.calls.CallRecordPolicy;
import org.switchboard.store.settings.JdbcSettingsStore;

/**
 * The features that keep data, as a part of the server: opens the database under the data
 * directory or at the configured URL, starts the accounts, the registrar (bindings journaled in the
 * data directory in front of the embedded database, written through to PostgreSQL) and the phone
 * inventory on it ({@link Features}), keeps the call records in the same database
 * (written in batches, pruned after the retention period), and opens the live settings stored there,
 * with the flags' pins ({@code --nat-mode} and the like) and the environment's
 * {@code SWITCHBOARD_<SECTION>_<SETTING>} variables pinning values for the run (a flag wins); each change is published on the event bus. Must start before the SIP
 * stack, which takes its processors and services; on stop the queued call records are written
 * before the database closes.
 */
final class RegistrarComponent implements Lifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(RegistrarComponent.class);
    /** Call records that may wait for the database, bounding memory when it is slow. */
    private static final int CALL_RECORD_QUEUE = 10_000;

    private final EventBus events;
    private final ServerConfig config;
    private final ReachPolicy reach;
    private Features features;
    private DirectoryCatalog catalog;
    private CallRecordWriter callRecords;
    private JdbcCallRecordStore callRecordStore;
    private CallRecordRetention callRecordRetention;
    private StoredSettings settings;
    private SettingsRefresh settingsRefresh;

    /**
     * @param events where the registrar publishes registrations and the accounts bans
     * @param reach how registered contacts are reached (a plugin may decide, once started)
     */
    RegistrarComponent(ServerConfig config, EventBus events, ReachPolicy reach) {
        this.config = config;
        this.events = events;
        this.reach = reach;
    }

    @Override
    public String name() {
        return "registrar";
    }

    @Override
    public void start() {
        AccountsConfig accountsConfig = AccountsConfig.defaults().withDigestAlgorithms(config.digestAlgorithms())
                .withTrustedNetworks(config.guard().trustedNetworks());
        if (config.domain() != null) {
            accountsConfig = accountsConfig.withInitialDomain(config.domain());
        }
        Storage storage = Storage.inDataDir(config.dataDir(), config.database());
        // the journal only in front of the embedded database; PostgreSQL is written through (Storage)
        RegistrarConfig registrarConfig = storage.journalDir() == null ? RegistrarConfig.defaults().withReach(reach)
                : RegistrarConfig.defaults().withReach(reach).withJournal(storage.journalDir());
        features = Features.start(storage, accountsConfig, registrarConfig, events);
        try {
            // blocking (database): at start, on the main thread
            settings = StoredSettings.open(new JdbcSettingsStore(features.database()), SettingsSections.ALL,
                    pins(config.settingPins(), SettingOverride.fromEnvironment(System.getenv(), SettingsSections.ALL)));
        } catch (RuntimeException e) {
            features.close();
            throw e;
        }
        settings.addListener(new SettingsEvents(events, Clock.systemUTC()), Runnable::run);
        Registrar registrar = features.registrar();
        registrar.useExpiry(settings.current(ExpiryRules.SECTION));
        settings.addListener(change -> {
            if (change.section() == ExpiryRules.SECTION) {
                registrar.useExpiry(ExpiryRules.SECTION.type().cast(change.after()));
            }
        }, Runnable::run);
        if (!storage.embedded()) {
            // a database other servers (or the admin command) may write while this one runs
            settingsRefresh = SettingsRefresh.start(settings);
        }
        if (!config.guard().trustedNetworks().isEmpty()) {
            LOG.info("Trusted networks, never banned: {}", config.guard().trustedNetworks());
        }
        catalog = features.accounts().catalog();
        if (catalog.domains().isEmpty()) {
            LOG.warn("No SIP domain is set up yet: phones cannot register. Stop the server and run "
                    + "'switchboard domain add example.com', or start it once with --domain example.com");
        } else {
            LOG.info("Serving SIP domains {}", catalog.domains());
        }
        JdbcCallRecordStore store = new JdbcCallRecordStore(features.database());
        callRecordStore = store;
        callRecords = new CallRecordWriter(store, CALL_RECORD_QUEUE);
        callRecords.start();
        StoredSettings live = settings;
        callRecordRetention = new CallRecordRetention(store, () -> live.current(CallRecordPolicy.SECTION).retention(),
                Clock.systemUTC());
        callRecordRetention.start();
        LOG.info("Keeping call records for {} days", settings.current(CallRecordPolicy.SECTION).retentionDays());
    }

    /** The flags' pins, then the environment's for settings no flag gives: a flag wins. */
    private static List<SettingOverride> pins(List<SettingOverride> flags, List<SettingOverride> environment) {
        List<SettingOverride> all = new ArrayList<>(flags);
        for (SettingOverride variable : environment) {
            if (flags.stream().noneMatch(flag -> flag.key().equals(variable.key()))) {
                all.add(variable);
            }
        }
        return all;
    }

    @Override
    public void stop() {
        if (settingsRefresh != null) {
            settingsRefresh.close();
        }
        callRecordRetention.close();
        callRecords.close();
        features.close();
    }

    Features features() {
        return features;
    }

    DirectoryCatalog catalog() {
        return catalog;
    }

    /** The live settings; {@link Settings#current} is lock-free, the updates block. */
    Settings settings() {
        return settings;
    }

    /** The stored call records, to read them; its methods block. */
    JdbcCallRecordStore callRecordStore() {
        return callRecordStore;
    }

    /** Where the proxy writes a record of every call; never blocks. */
    CallRecordStore callRecords() {
        return callRecords;
    }
}
