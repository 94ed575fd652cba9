package org.switchboard.server.admin;

import picocli.CommandLine;

/**
 * The registrar's admin subcommands for the server's top {@code switchboard} command: {@code
 * domain}, {@code user}, {@code ban}, {@code calls}, {@code device}, {@code settings}, {@code dialplan}, {@code features}, {@code group}, {@code trunk} and {@code admin}. Each opens the data directory ({@code
 * --data-dir} after the command or before it, env {@code SWITCHBOARD_DATA_DIR}, default {@code
 * ./data}) for itself, creating it owner-only; the embedded database admits one process, so they run
 * while the server is stopped and say so when it is not ({@code ban lift} also works while it runs).
 * Errors are one line on standard error with exit code 1.
 */
public final class AdminCommands {
    private AdminCommands() {
    }

    /** Adds {@code domain}, {@code user}, {@code ban}, {@code calls}, {@code device}, {@code settings}, {@code dialplan}, {@code features}, {@code group}, {@code trunk} and {@code admin} to {@code top}. */
    public static CommandLine addTo(CommandLine top) {
        return top.addSubcommand(new DomainCommand())
                .addSubcommand(new UserCommand())
                .addSubcommand(new BanCommand())
                .addSubcommand(new CallsCommand())
                .addSubcommand(new DeviceCommand())
                .addSubcommand(new SettingsCommand())
                .addSubcommand(new DialPlanCommand())
                .addSubcommand(new FeaturesCommand())
                .addSubcommand(new GroupCommand())
                .addSubcommand(new TrunkCommand())
                .addSubcommand(new AdminCommand());
    }
}
