package org.switchboard.registrar.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.switchboard.registrar.bruteforce.Ban;
import org.switchboard.registrar.bruteforce.Cidr;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ban list|lift}: the brute-force bans saved when the server stopped. A running server keeps
 * its bans in memory (lift them in the web admin); it saves them at shutdown and restores them at
 * start, so these commands act on what the next start restores.
 */
@Command(name = "ban", description = {"List or lift brute-force bans (run while the server is stopped).",
    "The server saves its bans when it stops and restores them when it starts."},
        subcommands = {BanCommand.List.class, BanCommand.Lift.class}, mixinStandardHelpOptions = true)
public final class BanCommand {
    private final Clock clock;

    public BanCommand() {
        this(Clock.systemUTC());
    }

    /** With a clock deciding which saved bans are still in force. */
    public BanCommand(Clock clock) {
        this.clock = clock;
    }

    @Command(name = "list", description = "List the saved bans still in force.")
    static final class List implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Instant now = ((BanCommand) spec.parent().userObject()).clock.instant();
            return AdminSession.run(data.dataDir(), spec.commandLine().getErr(), s -> {
                for (Ban ban : s.bans().load()) {
                    if (ban.until().isAfter(now)) {
                        spec.commandLine().getOut().println(ban.source().getHostAddress() + "  until " + ban.until()
                                + "  " + ban.reason());
                    }
                }
                return 0;
            });
        }
    }

    @Command(name = "lift", description = "Lift the ban of an IP address.")
    static final class Lift implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "IP")
        String ip;

        @Override
        public Integer call() {
            return AdminSession.run(data.dataDir(), spec.commandLine().getErr(), s -> {
                InetAddress address = literal(ip);
                if (!s.bans().remove(address)) {
                    spec.commandLine().getErr().println("Error: no saved ban on " + address.getHostAddress());
                    return 1;
                }
                spec.commandLine().getOut().println("Ban on " + address.getHostAddress() + " lifted");
                return 0;
            });
        }

        /** An IP literal; a name is refused, never looked up. */
        private static InetAddress literal(String ip) {
            if (ip.contains("/")) {
                throw new IllegalArgumentException("'" + ip + "' is not an IP address");
            }
            Cidr.parse(ip);
            try {
                return InetAddress.getByName(ip.strip());
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("'" + ip + "' is not an IP address", e);
            }
        }
    }
}
