package org.switchboard.server.cli;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Takes option defaults from environment variables: option {@code --sip-port} reads {@code
 * SWITCHBOARD_SIP_PORT}. A flag on the command line wins over the variable; without either, the
 * option's built-in default applies. Reads a fixed map given at construction (the process
 * environment in production), so it is immutable and thread-safe.
 */
public final class EnvironmentDefaultProvider implements IDefaultValueProvider {
    private static final String PREFIX = "SWITCHBOARD_";

    private final Map<String, String> environment;

    /** @param environment variable names to values, e.g. {@link System#getenv()} */
    public EnvironmentDefaultProvider(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The environment variable that sets the option with this long name, e.g. {@code --log-level}. */
    public static String variableFor(String longOptionName) {
        String bare = longOptionName.replaceFirst("^-+", "");
        return PREFIX + bare.replace('-', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
            return null;
        }
        String value = environment.get(variableFor(option.longestName()));
        return value == null || value.isBlank() ? null : value;
    }
}
