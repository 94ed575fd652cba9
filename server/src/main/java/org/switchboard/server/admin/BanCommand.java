package org.switchboard.server.admin;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.switchboard.accounts.bruteforce.BanLiftRequests;
import org.switchboard.accounts.bruteforce.Cidr;
import org.switchboard.core.spi.store.Ban;
import org.switchboard.server.data.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ban list|lift}: the brute-force bans, which the server saves as it makes them and restores
 * when it starts. {@code list} reads them while the server is stopped; {@code lift} works either way:
 * on a stopped server it deletes the saved ban, on a running one (whose database admits no second
 * process) it leaves a {@link BanLiftRequests request} in the data directory, which the server takes
 * within a second, and reports the outcome.
 */
@Command(name = "ban", description = {"List or lift brute-force bans.",
    "The server saves each ban as it makes it and restores them when it starts.",
    "'ban list' needs the server stopped; 'ban lift' works while it runs too."},
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

    @Command(name = "list", description = "List the saved bans still in force (run while the server is stopped).")
    static final class List implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Instant now = ((BanCommand) spec.parent().userObject()).clock.instant();
            return AdminSession.run(data.storage(), spec.commandLine().getErr(), s -> {
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

    @Command(name = "lift", description = {"Lift the ban of an IP address, and forget its failures.",
        "Works while the server runs (it takes the lift within a second) and while it is stopped."})
    static final class Lift implements Callable<Integer> {
        /** How long to wait for a running server to take a lift; it looks every second. */
        private static final Duration SERVER_ANSWER = Duration.ofSeconds(10);

        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "IP")
        String ip;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            InetAddress address;
            try {
                address = Cidr.address(ip);
            } catch (IllegalArgumentException e) {
                err.println("Error: " + e.getMessage());
                return 1;
            }
            Path dataDir = data.dataDir();
            return AdminSession.run(data.storage(), err, s -> {
                if (!s.bans().remove(address)) {
                    err.println("Error: no saved ban on " + address.getHostAddress());
                    return 1;
                }
                out.println("Ban on " + address.getHostAddress() + " lifted");
                return 0;
            }, () -> liftInRunningServer(dataDir, address, out, err));
        }

        private static int liftInRunningServer(Path dataDir, InetAddress address, PrintWriter out, PrintWriter err) {
            BanLiftRequests requests = new BanLiftRequests(Storage.inDataDir(dataDir).banLiftDir());
            String host = address.getHostAddress();
            try {
                Optional<String> outcome = requests.awaitOutcome(requests.submit(address), SERVER_ANSWER);
                if (outcome.isEmpty()) {
                    err.println("Error: the server running on " + dataDir + " did not take the lift of " + host
                            + " within " + SERVER_ANSWER.toSeconds() + " s; it lifts the ban when it does");
                    return 1;
                }
                if (BanLiftRequests.NO_BAN.equals(outcome.get())) {
                    err.println("Error: no ban in force on " + host);
                    return 1;
                }
                out.println("Ban on " + host + " lifted in the running server");
                return 0;
            } catch (IOException e) {
                err.println("Error: cannot pass the lift to the running server through " + dataDir + ": "
                        + e.getMessage());
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                err.println("Error: interrupted while waiting for the running server");
                return 1;
            }
        }
    }
}
