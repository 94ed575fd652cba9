package org.switchboard.server.admin;

import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.switchboard.core.spi.store.ApiToken;
import org.switchboard.webadmin.auth.ApiTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code admin token create|list|revoke}: bearer tokens of the web admin's JSON API. */
@Command(name = "admin", description = "Manage the web admin (run while the server is stopped).",
        subcommands = AdminCommand.Token.class, mixinStandardHelpOptions = true)
public final class AdminCommand {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** {@code admin token}: the JSON API's bearer tokens. */
    @Command(name = "token", description = "Bearer tokens for the JSON API under /api/v1.",
            subcommands = {Create.class, List.class, Revoke.class}, mixinStandardHelpOptions = true)
    static final class Token {
    }

    @Command(name = "create", description = "Make a token; it is printed once and stored only as a hash.")
    static final class Create implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;
        @Option(names = "--name", required = true, description = "A name for the token, e.g. backup-script.")
        String name;

        @Override
        public Integer call() {
            if (!NAME.matcher(name).matches()) {
                spec.commandLine().getErr().println("A token name is 1 to 64 letters, digits, dots, dashes or "
                        + "underscores: " + name);
                return 1;
            }
            return AdminSession.run(data.storage(), spec.commandLine().getErr(), s -> {
                String token = ApiTokens.create();
                if (!s.apiTokens().add(new ApiToken(name, ApiTokens.hash(token), Instant.now()))) {
                    spec.commandLine().getErr().println("A token named " + name + " exists; revoke it first or "
                            + "choose another name");
                    return 1;
                }
                spec.commandLine().getOut().println(token);
                spec.commandLine().getErr().println("Token " + name + " created. It is shown only now: send it as "
                        + "'Authorization: Bearer <token>'.");
                return 0;
            });
        }
    }

    @Command(name = "list", description = "List the tokens' names and when they were made.")
    static final class List implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return AdminSession.run(data.storage(), spec.commandLine().getErr(), s -> {
                for (ApiToken t : s.apiTokens().list()) {
                    spec.commandLine().getOut().println(t.name() + "  " + t.created());
                }
                return 0;
            });
        }
    }

    @Command(name = "revoke", description = "Revoke a token by name.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            return AdminSession.run(data.storage(), spec.commandLine().getErr(), s -> {
                if (!s.apiTokens().remove(name)) {
                    spec.commandLine().getErr().println("No token named " + name);
                    return 1;
                }
                spec.commandLine().getOut().println("Token " + name + " revoked");
                return 0;
            });
        }
    }
}
