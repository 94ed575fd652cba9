package org.switchboard.server.admin;

import java.util.concurrent.Callable;
import org.switchboard.core.spi.store.Domain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code domain add|list|remove}: the SIP domains this server serves. */
@Command(name = "domain", description = "Manage the SIP domains served (run while the server is stopped).",
        subcommands = {DomainCommand.Add.class, DomainCommand.List.class, DomainCommand.Remove.class},
        mixinStandardHelpOptions = true)
public final class DomainCommand {

    @Command(name = "add", description = "Add a domain, e.g. example.com.")
    static final class Add implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "DOMAIN")
        String domain;

        @Override
        public Integer call() {
            return AdminSession.run(data.storage(), spec.commandLine().getErr(), s -> {
                Domain added = s.directory().addDomain(domain);
                spec.commandLine().getOut().println("Domain " + added.name() + " added");
                return 0;
            });
        }
    }

    @Command(name = "list", description = "List the domains.")
    static final class List implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return AdminSession.run(data.storage(), spec.commandLine().getErr(), s -> {
                for (Domain d : s.directory().domains()) {
                    spec.commandLine().getOut().println(d.name());
                }
                return 0;
            });
        }
    }

    @Command(name = "remove", description = "Remove a domain that has no users.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "DOMAIN")
        String domain;

        @Override
        public Integer call() {
            return AdminSession.run(data.storage(), spec.commandLine().getErr(), s -> {
                s.directory().removeDomain(domain);
                spec.commandLine().getOut().println("Domain " + domain + " removed");
                return 0;
            });
        }
    }
}
