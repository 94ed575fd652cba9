package org.switchboard.server.admin;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.switchboard.accounts.directory.CsvUserImporter;
import org.switchboard.accounts.directory.ImportReport;
import org.switchboard.accounts.directory.UserDirectory;
import org.switchboard.core.spi.service.NewCredentials;
import org.switchboard.core.spi.store.Domain;
import org.switchboard.core.spi.store.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code user add|list|remove|passwd|import}: the users (extensions) of the served domains. */
@Command(name = "user", description = "Manage users (run while the server is stopped).",
        subcommands = {UserCommand.Add.class, UserCommand.List.class, UserCommand.Remove.class,
            UserCommand.Passwd.class, UserCommand.Import.class},
        mixinStandardHelpOptions = true)
public final class UserCommand {

    @Command(name = "add", description = {"Add a user, e.g. 201@example.com.",
        "Without --password a password is generated and printed once."})
    static final class Add implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "USER@DOMAIN")
        String address;
        @Option(names = "--name", paramLabel = "NAME", description = "Display name, e.g. \"Alice\".")
        String displayName;
        @Option(names = "--password", paramLabel = "PASSWORD", description = "SIP password (8 to 128 characters).")
        String password;

        @Override
        public Integer call() {
            return AdminSession.run(data.storage(), spec.commandLine().getErr(), s -> {
                String[] a = Addresses.split(address);
                PrintWriter out = spec.commandLine().getOut();
                if (password != null) {
                    User user = s.directory().addUser(a[1], a[0], displayName, password);
                    out.println("User " + user.name() + '@' + user.domain() + " added");
                } else {
                    NewCredentials c = s.directory().addUserWithGeneratedPassword(a[1], a[0], displayName);
                    out.println("User " + c.user().name() + '@' + c.user().domain() + " added with password "
                            + c.password() + " (shown only now)");
                }
                return 0;
            });
        }
    }

    @Command(name = "list", description = "List the users of a domain, or of all domains.")
    static final class List implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "DOMAIN", arity = "0..1")
        String domain;

        @Override
        public Integer call() {
            return AdminSession.run(data.storage(), spec.commandLine().getErr(), s -> {
                UserDirectory directory = s.directory();
                if (domain != null) {
                    print(directory.users(domain));
                } else {
                    for (Domain d : directory.domains()) {
                        print(directory.users(d.name()));
                    }
                }
                return 0;
            });
        }

        private void print(java.util.List<User> users) {
            for (User u : users) {
                spec.commandLine().getOut().println(u.name() + '@' + u.domain()
                        + (u.displayName() == null ? "" : "  " + u.displayName())
                        + (u.enabled() ? "" : "  (disabled)"));
            }
        }
    }

    @Command(name = "remove", description = "Remove a user.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "USER@DOMAIN")
        String address;

        @Override
        public Integer call() {
            return AdminSession.run(data.storage(), spec.commandLine().getErr(), s -> {
                String[] a = Addresses.split(address);
                s.directory().removeUser(a[1], a[0]);
                spec.commandLine().getOut().println("User " + address + " removed");
                return 0;
            });
        }
    }

    @Command(name = "passwd", description = {"Set a user's SIP password.",
        "Without --password a password is generated and printed once."})
    static final class Passwd implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "USER@DOMAIN")
        String address;
        @Option(names = "--password", paramLabel = "PASSWORD", description = "The new SIP password.")
        String password;

        @Override
        public Integer call() {
            return AdminSession.run(data.storage(), spec.commandLine().getErr(), s -> {
                String[] a = Addresses.split(address);
                PrintWriter out = spec.commandLine().getOut();
                if (password != null) {
                    s.directory().setPassword(a[1], a[0], password);
                    out.println("Password of " + address + " changed");
                } else {
                    out.println("Password of " + address + " changed to " + s.directory().generatePassword(a[1], a[0])
                            + " (shown only now)");
                }
                return 0;
            });
        }
    }

    @Command(name = "import", description = {"Import users from a UTF-8 CSV file: user,password,display name.",
        "All or nothing: if any line is invalid, nobody is imported, every invalid line is listed with",
        "its number, and the exit code is 1."})
    static final class Import implements Callable<Integer> {
        /** Far above {@link CsvUserImporter#MAX_LINES} lines of users; bounds the memory a file takes. */
        private static final long MAX_FILE_BYTES = 64L << 20;

        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "FILE.csv")
        Path file;
        @Option(names = "--domain", required = true, paramLabel = "DOMAIN", description = "The users' domain.")
        String domain;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isReadable(file)) {
                err.println("Error: cannot read " + file);
                return 1;
            }
            byte[] csv;
            try {
                if (Files.size(file) > MAX_FILE_BYTES) {
                    err.println("Error: " + file + " is larger than " + (MAX_FILE_BYTES >> 20) + " MiB; split it");
                    return 1;
                }
                csv = Files.readAllBytes(file);
            } catch (IOException e) {
                err.println("Error: cannot read " + file + ": " + e.getMessage());
                return 1;
            }
            return AdminSession.run(data.storage(), err, s -> {
                ImportReport report = new CsvUserImporter(s.directory()).importUsers(domain, csv);
                PrintWriter out = spec.commandLine().getOut();
                out.println(report.summary());
                for (ImportReport.RejectedLine line : report.rejected()) {
                    out.println("  " + line);
                }
                return report.rejected().isEmpty() ? 0 : 1;
            });
        }
    }
}
