package org.switchboard.server.cli;

import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults from the environment, then from the bootstrap file: a variable that is set and not
 * blank wins over the file's value, and an option that neither sets keeps its built-in default. The
 * command line wins over both, as picocli applies defaults only to options not given. Immutable.
 */
final class LayeredDefaultProvider implements IDefaultValueProvider {
    private final EnvironmentDefaultProvider environment;
    private final Map<String, String> file;

    /** @param file the file's values by flag, as {@link ServerOptionModel#check} returns them */
    LayeredDefaultProvider(EnvironmentDefaultProvider environment, Map<String, String> file) {
        this.environment = environment;
        this.file = Map.copyOf(file);
    }

    @Override
    public String defaultValue(ArgSpec argSpec) throws Exception {
        String fromEnvironment = environment.defaultValue(argSpec);
        if (fromEnvironment != null || !(argSpec instanceof OptionSpec option)) {
            return fromEnvironment;
        }
        return file.get(option.longestName());
    }
}
