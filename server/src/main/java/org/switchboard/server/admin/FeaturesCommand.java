package org.switchboard.server.admin;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.store.CallFeatureStore;
import org.switchboard.core.spi.store.UserFeatures;
import org.switchboard.dialplan.features.FeatureChange;
import org.switchboard.dialplan.features.FeatureCodes;
import org.switchboard.dialplan.features.UserCallFeatures;
import org.switchboard.dialplan.features.Voicemail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code features list|forward|dnd|follow-me|voicemail|code}: the users' call features, the
 * mailboxes and the feature codes. Every change is checked as the server would read it and raises
 * the features' revision, which running servers on PostgreSQL take within seconds, so there they
 * run while servers run; on the embedded database, while the server is stopped.
 */
@Command(name = "features", description = {"Manage call features: forwarding, do-not-disturb, follow-me,"
    + " voicemail and feature codes.", "Run while the server is stopped (embedded database)."},
        subcommands = {FeaturesCommand.ListFeatures.class, FeaturesCommand.Forward.class, FeaturesCommand.Dnd.class,
            FeaturesCommand.FollowMe.class, FeaturesCommand.VoicemailSet.class, FeaturesCommand.CodeSet.class},
        mixinStandardHelpOptions = true)
public final class FeaturesCommand {

    @Command(name = "list", description = "List every user's features, the mailboxes and the feature codes.")
    static final class ListFeatures implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return AdminSession.runAlongsideServer(data.storage(), spec.commandLine().getErr(), s -> {
                PrintWriter out = spec.commandLine().getOut();
                CallFeatureStore store = s.callFeatures();
                for (UserFeatures f : store.userFeatures()) {
                    out.println(f.user() + "@" + f.domain() + ":" + describe(f));
                }
                Map<String, String> options = store.options();
                options.entrySet().stream().filter(e -> e.getKey().startsWith(Voicemail.OPTION)).sorted(
                        Map.Entry.comparingByKey()).forEach(e -> out.println(e.getKey() + ": " + e.getValue()));
                FeatureCodes codes = FeatureCodes.of(options);
                for (FeatureChange.Kind kind : FeatureChange.Kind.values()) {
                    String code = codes.code(kind);
                    out.println(FeatureCodes.OPTIONS.get(kind) + ": " + (code == null ? "off" : code));
                }
                return 0;
            });
        }

        private static String describe(UserFeatures f) {
            StringBuilder text = new StringBuilder();
            append(text, "forward always", f.forwardAlways());
            append(text, "forward on busy", f.forwardBusy());
            append(text, "forward on no answer", f.forwardNoAnswer());
            append(text, "no answer after", f.noAnswerSeconds() == null ? null : f.noAnswerSeconds() + " s");
            append(text, "do not disturb", f.doNotDisturb() ? "on" : null);
            append(text, "follow me", f.followMe());
            return text.toString();
        }

        private static void append(StringBuilder text, String name, String value) {
            if (value != null) {
                text.append(text.length() == 0 ? " " : "; ").append(name).append(' ').append(value);
            }
        }
    }

    @Command(name = "forward", description = {"Set or clear a user's forwarding.",
        "Example: features forward 201@example.com no-answer voicemail --after 15"})
    static final class Forward implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "USER@DOMAIN")
        String user;
        @Parameters(index = "1", paramLabel = "WHEN", description = "always, busy or no-answer")
        String when;
        @Parameters(index = "2", paramLabel = "TARGET", description = "A number or user of the domain, a SIP URI,"
                + " voicemail, or off")
        String target;
        @Option(names = "--after", paramLabel = "SECONDS", description = "With no-answer: how long the phones ring"
                + " first (default 20).")
        Integer after;

        @Override
        public Integer call() {
            return change(data, spec, user, old -> {
                String value = target.equalsIgnoreCase("off") ? null : target;
                switch (when.toLowerCase(Locale.ROOT)) {
                    case "always":
                        return new UserFeatures(old.domain(), old.user(), value, old.forwardBusy(),
                                old.forwardNoAnswer(), old.noAnswerSeconds(), old.doNotDisturb(), old.followMe());
                    case "busy":
                        return new UserFeatures(old.domain(), old.user(), old.forwardAlways(), value,
                                old.forwardNoAnswer(), old.noAnswerSeconds(), old.doNotDisturb(), old.followMe());
                    case "no-answer":
                        return new UserFeatures(old.domain(), old.user(), old.forwardAlways(), old.forwardBusy(),
                                value, value == null ? null : after != null ? after : old.noAnswerSeconds(),
                                old.doNotDisturb(), old.followMe());
                    default:
                        throw new IllegalArgumentException("'" + when + "' is none of always, busy, no-answer");
                }
            });
        }
    }

    @Command(name = "dnd", description = "Switch a user's do-not-disturb on or off.")
    static final class Dnd implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "USER@DOMAIN")
        String user;
        @Parameters(index = "1", paramLabel = "on|off")
        String state;

        @Override
        public Integer call() {
            return change(data, spec, user, old -> {
                if (!state.equalsIgnoreCase("on") && !state.equalsIgnoreCase("off")) {
                    throw new IllegalArgumentException("'" + state + "' is neither on nor off");
                }
                return new FeatureChange(state.equalsIgnoreCase("on") ? FeatureChange.Kind.DND_ON
                        : FeatureChange.Kind.DND_OFF, null).applyTo(old);
            });
        }
    }

    @Command(name = "follow-me", description = {"Set or clear a user's follow-me list.",
        "Example: features follow-me 201@example.com '01711234567 after 15, sip:home@example.net after 40'"})
    static final class FollowMe implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "USER@DOMAIN")
        String user;
        @Parameters(index = "1", paramLabel = "LIST", description = "TARGET after SECONDS, ... or off")
        String list;

        @Override
        public Integer call() {
            return change(data, spec, user, old -> new UserFeatures(old.domain(), old.user(), old.forwardAlways(),
                    old.forwardBusy(), old.forwardNoAnswer(), old.noAnswerSeconds(), old.doNotDisturb(),
                    list.equalsIgnoreCase("off") ? null : list));
        }
    }

    @Command(name = "voicemail", description = {"Set the mailbox URI template of a domain, or of all.",
        "Example: features voicemail all 'sip:vm-{user}@vm.example.com'"})
    static final class VoicemailSet implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "DOMAIN|all")
        String domain;
        @Parameters(index = "1", paramLabel = "TEMPLATE", description = "A SIP URI with {user} and {domain}; off"
                + " for no mailbox; default to remove the setting")
        String template;

        @Override
        public Integer call() {
            String option = domain.equalsIgnoreCase("all") ? Voicemail.OPTION
                    : Voicemail.OPTION + "." + domain.toLowerCase(Locale.ROOT);
            String stored = template.equalsIgnoreCase("default") ? null : template;
            return AdminSession.runAlongsideServer(data.storage(), spec.commandLine().getErr(), s -> {
                if (stored != null) {
                    Voicemail.check(option, stored);
                }
                s.callFeatures().setOption(option, stored);
                spec.commandLine().getOut().println("Voicemail of " + domain + (stored == null ? " removed"
                        : " set to " + stored));
                return 0;
            });
        }
    }

    @Command(name = "code", description = {"Set a feature code.", "Example: features code dnd-on '*78'"})
    static final class CodeSet implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "FEATURE", description = "forward-on, forward-off, dnd-on or dnd-off")
        String feature;
        @Parameters(index = "1", paramLabel = "CODE", description = "The digits; off to switch the code off;"
                + " default for the default")
        String code;

        @Override
        public Integer call() {
            String option = "code." + feature.toLowerCase(Locale.ROOT);
            String stored = code.equalsIgnoreCase("default") ? null : code;
            return AdminSession.runAlongsideServer(data.storage(), spec.commandLine().getErr(), s -> {
                if (!FeatureCodes.OPTIONS.containsValue(option)) {
                    throw new IllegalArgumentException("'" + feature + "' is none of forward-on, forward-off, dnd-on,"
                            + " dnd-off");
                }
                CallFeatureStore store = s.callFeatures();
                Map<String, String> options = new HashMap<>(store.options());
                if (stored == null) {
                    options.remove(option);
                } else {
                    options.put(option, stored);
                }
                FeatureCodes.of(options); // refuses a code the phones could not dial or one already taken
                store.setOption(option, stored);
                spec.commandLine().getOut().println("Feature code " + feature + (stored == null ? " back to its"
                        + " default" : " set to " + stored));
                return 0;
            });
        }
    }

    /** Reads a user's features, changes them, checks the result as the server would read it, saves it. */
    private static int change(DataDirOption data, CommandSpec spec, String user,
            UnaryOperator<UserFeatures> edit) {
        AddressOfRecord aor;
        try {
            aor = AddressOfRecord.parse("sip:" + user);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("Error: " + e.getMessage());
            return 1;
        }
        return AdminSession.runAlongsideServer(data.storage(), spec.commandLine().getErr(), s -> {
            if (s.directory().user(aor.host(), aor.user()).isEmpty()) {
                throw new IllegalArgumentException("no user " + aor.user() + " in domain " + aor.host());
            }
            CallFeatureStore store = s.callFeatures();
            UserFeatures old = store.userFeatures(aor.host(), aor.user())
                    .orElse(UserFeatures.none(aor.host(), aor.user()));
            UserFeatures changed = edit.apply(old);
            UserCallFeatures.of(changed); // refuses what the server could not read
            store.saveUserFeatures(changed);
            spec.commandLine().getOut().println("Call features of " + aor.user() + "@" + aor.host() + ":"
                    + (changed.isEmpty() ? " none" : ListFeatures.describe(changed)));
            return 0;
        });
    }
}
