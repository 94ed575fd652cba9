package org.switchboard.server.admin;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.switchboard.core.spi.store.HuntGroup;
import org.switchboard.dialplan.groups.Group;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code group list|add|remove}: hunt and ring groups, virtual extensions that ring their members.
 * Checked as the server would read them; like the call features, in force on running servers on
 * PostgreSQL within seconds, on the embedded database at the next start.
 */
@Command(name = "group", description = {"Manage hunt and ring groups.",
    "Run while the server is stopped (embedded database)."},
        subcommands = {GroupCommand.ListGroups.class, GroupCommand.Add.class, GroupCommand.Remove.class},
        mixinStandardHelpOptions = true)
public final class GroupCommand {

    @Command(name = "list", description = "List the groups.")
    static final class ListGroups implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return AdminSession.runAlongsideServer(data.storage(), spec.commandLine().getErr(), s -> {
                PrintWriter out = spec.commandLine().getOut();
                for (HuntGroup g : s.callFeatures().groups()) {
                    out.println(g.name() + "@" + g.domain() + ": " + g.strategy() + ", ring "
                            + (g.ringSeconds() == null ? Group.DEFAULT_RING.toSeconds() : g.ringSeconds()) + " s, members "
                            + g.members() + (g.fallback() == null ? "" : ", fallback " + g.fallback()));
                }
                return 0;
            });
        }
    }

    @Command(name = "add", description = {"Add a group, or replace the domain's group of that name.",
        "Example: group add --domain example.com --name 600 --strategy linear --members 201,202,203 --ring 15"
            + " --fallback voicemail"})
    static final class Add implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;
        @Option(names = "--domain", required = true, description = "The group's domain.")
        String domain;
        @Option(names = "--name", required = true, description = "The group's number or name (its user part).")
        String name;
        @Option(names = "--strategy", defaultValue = "ring-all", description = "ring-all (default) or linear.")
        String strategy;
        @Option(names = "--members", required = true, description = "Users, numbers or SIP URIs, comma separated,"
                + " in order.")
        String members;
        @Option(names = "--ring", paramLabel = "SECONDS", description = "Each member's (linear) or all members'"
                + " (ring-all) ring time; default 20.")
        Integer ring;
        @Option(names = "--fallback", description = "Where the call goes when nobody answers: a user, number, SIP URI"
                + " or voicemail.")
        String fallback;

        @Override
        public Integer call() {
            HuntGroup group = new HuntGroup(domain.toLowerCase(Locale.ROOT), name, strategy.toLowerCase(Locale.ROOT),
                    ring, members, fallback);
            return AdminSession.runAlongsideServer(data.storage(), spec.commandLine().getErr(), s -> {
                if (s.directory().domains().stream().noneMatch(d -> d.name().equals(group.domain()))) {
                    throw new IllegalArgumentException("no domain " + group.domain());
                }
                if (s.directory().user(group.domain(), name).isPresent()) {
                    throw new IllegalArgumentException(name + "@" + group.domain() + " is a user; a group needs a"
                            + " number of its own");
                }
                Group.of(group); // refuses what the server could not read
                s.callFeatures().saveGroup(group);
                spec.commandLine().getOut().println("Group " + name + "@" + group.domain() + " saved");
                return 0;
            });
        }
    }

    @Command(name = "remove", description = "Remove a group.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;
        @Option(names = "--domain", required = true)
        String domain;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            return AdminSession.runAlongsideServer(data.storage(), spec.commandLine().getErr(), s -> {
                if (!s.callFeatures().removeGroup(domain, name)) {
                    throw new IllegalArgumentException("no group " + name + " in " + domain);
                }
                spec.commandLine().getOut().println("Group " + name + "@" + domain.toLowerCase(Locale.ROOT)
                        + " removed");
                return 0;
            });
        }
    }
}
