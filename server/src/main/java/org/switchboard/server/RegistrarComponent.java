package org.switchboard.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.registrar.Registrar;
import org.switchboard.registrar.RegistrarConfig;
import org.switchboard.registrar.RegistrarStorage;
import org.switchboard.registrar.directory.DirectoryCatalog;
import org.switchboard.server.config.ServerConfig;
import org.switchboard.server.lifecycle.Lifecycle;

/**
 * The registrar as a part of the server: opens the database under the data directory, loads the
 * bindings and the directory snapshot the proxy routes by. Must start before the SIP stack, which
 * takes its processors and services.
 */
final class RegistrarComponent implements Lifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(RegistrarComponent.class);

    private final ServerConfig config;
    private Registrar registrar;
    private DirectoryCatalog catalog;

    RegistrarComponent(ServerConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "registrar";
    }

    @Override
    public void start() {
        RegistrarConfig registrarConfig = RegistrarConfig.defaults().withDigestAlgorithms(config.digestAlgorithms());
        if (config.domain() != null) {
            registrarConfig = registrarConfig.withInitialDomain(config.domain());
        }
        registrar = Registrar.start(RegistrarStorage.inDataDir(config.dataDir()), registrarConfig);
        catalog = new DirectoryCatalog(registrar.userDirectory());
        catalog.refresh();
        if (catalog.domains().isEmpty()) {
            LOG.warn("No SIP domain is set up yet: phones cannot register. Stop the server and run "
                    + "'switchboard domain add example.com', or start it once with --domain example.com");
        } else {
            LOG.info("Serving SIP domains {}", catalog.domains());
        }
    }

    @Override
    public void stop() {
        registrar.close();
    }

    Registrar registrar() {
        return registrar;
    }

    DirectoryCatalog catalog() {
        return catalog;
    }
}
