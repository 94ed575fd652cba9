package org.switchboard.server.admin;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.switchboard.core.message.SipParseException;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.spi.store.StoredTrunk;
import org.switchboard.core.spi.store.TrunkRegistration;
import org.switchboard.core.spi.store.TrunkStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code trunk add|list|remove|show}: the trunks (gateways and providers) and the state of their
 * outbound registrations as the server last saved it. A running server takes a change within
 * seconds; on PostgreSQL the commands run while servers run, on the embedded database while the
 * server is stopped (then {@code list} shows the state saved when it stopped).
 */
@Command(name = "trunk", description = {"Manage trunks (gateways, providers): where calls leave and arrive, and"
    + " their outbound registrations.", "Run while the server is stopped (embedded database)."},
        subcommands = {TrunkCommand.Add.class, TrunkCommand.ListTrunks.class, TrunkCommand.Remove.class,
            TrunkCommand.Show.class},
        mixinStandardHelpOptions = true)
public final class TrunkCommand {

    @Command(name = "add", description = {"Add a trunk, or replace the one of that name (its registration keeps its"
        + " Call-ID).", "Example: trunk add itsp --domain example.com --host sip.provider.example --username 4930123"
            + " --password s3cret --register --from-user 4930123456"})
    static final class Add implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "Letters, digits, . _ -; rules name it as trunk:NAME.")
        String name;
        @Option(names = "--domain", required = true, description = "Our domain whose dial plan decides the calls"
                + " coming in from the trunk (its DIDs).")
        String domain;
        @Option(names = "--host", required = true, description = "The provider's or gateway's host name or address.")
        String host;
        @Option(names = "--port", defaultValue = "0", description = "Its port; 0 for 5060.")
        int port;
        @Option(names = "--transport", defaultValue = "udp", description = "udp or tcp.")
        String transport;
        @Option(names = "--username", description = "The account name at the provider.")
        String username;
        @Option(names = "--password", description = "The account's password (kept in the database).")
        String password;
        @Option(names = "--realm", description = "Answer only challenges of this realm.")
        String realm;
        @Option(names = "--outbound-proxy", paramLabel = "URI", description = "Send requests through this SIP URI.")
        String outboundProxy;
        @Option(names = "--from-user", paramLabel = "NUMBER", description = "The external number our calls present;"
                + " without it, the caller's own.")
        String fromUser;
        @Option(names = "--identity", defaultValue = "from", description = "Where the external number goes: from,"
                + " pai (P-Asserted-Identity) or both.")
        String identity;
        @Option(names = "--register", description = "Register at the provider (needs --username and --password).")
        boolean register;
        @Option(names = "--expiry", defaultValue = "3600", description = "Seconds the registration asks for (60 or more).")
        int expiry;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
                err.println("Error: a trunk name is 1-64 letters, digits, . _ - (not '" + name + "')");
                return 1;
            }
            StoredTrunk trunk;
            try {
                if (outboundProxy != null) {
                    SipUri.parse(outboundProxy.startsWith("<") ? outboundProxy.substring(1, outboundProxy.length() - 1)
                            : outboundProxy);
                }
                SipUri.parse("sip:" + (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host));
                trunk = new StoredTrunk(name, domain, host, port, transport, username, password, realm, outboundProxy,
                        fromUser, identity, register, expiry);
            } catch (SipParseException | IllegalArgumentException e) {
                err.println("Error: " + e.getMessage());
                return 1;
            }
            return AdminSession.runAlongsideServer(data.storage(), err, s -> {
                s.trunks().saveTrunk(trunk);
                spec.commandLine().getOut().println("Trunk " + name + " saved");
                return 0;
            });
        }
    }

    @Command(name = "list", description = "List the trunks with their registration: registered, or failed with the"
            + " reason, and the next attempt.")
    static final class ListTrunks implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return AdminSession.runAlongsideServer(data.storage(), spec.commandLine().getErr(), s -> {
                PrintWriter out = spec.commandLine().getOut();
                TrunkStore store = s.trunks();
                Map<String, TrunkRegistration> states = store.registrations().stream()
                        .collect(Collectors.toMap(TrunkRegistration::trunk, Function.identity()));
                if (store.trunks().isEmpty()) {
                    out.println("No trunks");
                }
                for (StoredTrunk t : store.trunks()) {
                    out.println(t.name() + "  " + t.host() + (t.port() == 0 ? "" : ":" + t.port()) + " " + t.transport()
                            + "  " + registration(t, states.get(t.name())));
                }
                return 0;
            });
        }
    }

    @Command(name = "show", description = "Show one trunk's settings (not its password) and registration.")
    static final class Show implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            return AdminSession.runAlongsideServer(data.storage(), spec.commandLine().getErr(), s -> {
                TrunkStore store = s.trunks();
                StoredTrunk t = store.trunks().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
                if (t == null) {
                    spec.commandLine().getErr().println("Error: no trunk named " + name);
                    return 1;
                }
                PrintWriter out = spec.commandLine().getOut();
                out.println("name:           " + t.name());
                out.println("domain:         " + t.domain());
                out.println("host:           " + t.host() + (t.port() == 0 ? "" : ":" + t.port()) + " " + t.transport());
                out.println("outbound proxy: " + orNone(t.outboundProxy()));
                out.println("username:       " + orNone(t.username()) + (t.password() == null ? "" : " (password set)"));
                out.println("realm:          " + (t.realm() == null ? "any" : t.realm()));
                out.println("from user:      " + (t.fromUser() == null ? "the caller's number" : t.fromUser())
                        + " in " + t.identity());
                out.println("registers:      " + (t.register() ? "yes, for " + t.expiry() + " s" : "no"));
                TrunkRegistration r = store.registration(name).orElse(null);
                out.println("registration:   " + registration(t, r));
                if (r != null) {
                    out.println("Call-ID:        " + r.callId() + ", CSeq " + r.cseq());
                }
                return 0;
            });
        }
    }

    @Command(name = "remove", description = "Remove a trunk; a running server unregisters it at the provider.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            return AdminSession.runAlongsideServer(data.storage(), spec.commandLine().getErr(), s -> {
                if (!s.trunks().removeTrunk(name)) {
                    spec.commandLine().getErr().println("Error: no trunk named " + name);
                    return 1;
                }
                spec.commandLine().getOut().println("Trunk " + name + " removed");
                return 0;
            });
        }
    }

    /** One line for a trunk's registration, e.g. {@code failed: 403 Forbidden; next attempt 2026-...}. */
    static String registration(StoredTrunk trunk, TrunkRegistration r) {
        if (!trunk.register()) {
            return "does not register";
        }
        if (r == null) {
            return "not registered yet (the server registers it when it runs)";
        }
        StringBuilder line = new StringBuilder(r.state());
        if (r.reason() != null) {
            line.append(": ").append(r.reason());
        }
        if (r.expiresAt() != null) {
            line.append("; until ").append(r.expiresAt().truncatedTo(ChronoUnit.SECONDS));
        }
        if (r.nextAttempt() != null) {
            line.append("; next attempt ").append(r.nextAttempt().truncatedTo(ChronoUnit.SECONDS));
        }
        return line.toString();
    }

    private static String orNone(String s) {
        return s == null ? "none" : s;
    }
}
