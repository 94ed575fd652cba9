package org.switchboard.registrar.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data-dir} option shared by the admin commands. */
public final class DataDirOption {
    /** The environment variable that sets the data directory when the option is absent. */
    public static final String ENV = "SWITCHBOARD_DATA_DIR";

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:" + ENV + ":-./data}",
            description = "Data directory of the server (default: $" + ENV + ", else ./data).")
    Path dataDir;

    /** The data directory given or defaulted. */
    public Path dataDir() {
        return dataDir;
    }
}
