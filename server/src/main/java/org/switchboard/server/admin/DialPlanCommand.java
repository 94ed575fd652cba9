package org.switchboard.server.admin;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.service.DialPlanService;
import org.switchboard.core.spi.store.DialPlanStore;
import org.switchboard.core.spi.store.DialRule;
import org.switchboard.core.spi.store.DialSchedule;
import org.switchboard.core.spi.store.Domain;
import org.switchboard.dialplan.pattern.RuleSyntaxException;
import org.switchboard.dialplan.plan.DialPlan;
import org.switchboard.dialplan.plan.PlanCompiler;
import org.switchboard.dialplan.plan.PlanOptions;
import org.switchboard.dialplan.plugin.PlanInspector;
import org.switchboard.dialplan.rule.PermissionClass;
import org.switchboard.dialplan.rule.Rule;
import org.switchboard.dialplan.rule.RuleParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dialplan list|add|remove|test|schedule|class|option}: the dial plan's rules and what they
 * decide. Every change is validated as the server would compile it (a bad pattern is refused with
 * the position of the error) and raises the plan's revision, which running servers on PostgreSQL
 * take within seconds, so there they run while servers run; on the embedded database, while the
 * server is stopped.
 */
@Command(name = "dialplan", description = {"Manage the dial plan: rules per domain, schedules, permission classes,"
    + " options; test what a call would do.", "Run while the server is stopped (embedded database)."},
        subcommands = {DialPlanCommand.ListRules.class, DialPlanCommand.Add.class, DialPlanCommand.Remove.class,
            DialPlanCommand.Test.class, DialPlanCommand.ScheduleSet.class, DialPlanCommand.ClassSet.class,
            DialPlanCommand.OptionSet.class},
        mixinStandardHelpOptions = true)
public final class DialPlanCommand {

    @Command(name = "list", description = "List the rules in the order they are tried, with schedules, classes and options.")
    static final class ListRules implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return AdminSession.runAlongsideServer(data.storage(), spec.commandLine().getErr(), s -> {
                PrintWriter out = spec.commandLine().getOut();
                DialPlanStore store = s.dialPlan();
                DialPlan plan = compile(store);
                for (String domain : plan.domains()) {
                    out.println(domain + ":");
                    for (Rule rule : plan.rules(domain)) {
                        out.println("  " + rule);
                    }
                }
                for (DialSchedule schedule : store.schedules()) {
                    out.println("schedule " + schedule.name() + ": " + schedule.spec());
                }
                store.permissionClasses().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey((a, b) -> a.toString().compareTo(b.toString())))
                        .forEach(e -> out.println("class " + e.getKey().user() + "@" + e.getKey().host() + ": "
                                + e.getValue()));
                PlanOptions options = plan.options();
                out.println("emergency numbers: " + String.join(", ", options.emergencyNumbers().stream().sorted()
                        .toList()));
                out.println("unmatched: " + (options.unmatchedStatus() == 0 ? "local" : options.unmatchedStatus()));
                return 0;
            });
        }
    }

    @Command(name = "add", description = {"Add a rule, or replace the domain's rule of that name.",
        "Example: dialplan add --domain example.com --priority 10 --name voicemail --to 9xxx --rewrite {1}"
            + " --action 'forward sip:{user}@vm.example.com'"})
    static final class Add implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;
        @Option(names = "--domain", required = true, description = "The domain whose plan holds the rule.")
        String domain;
        @Option(names = "--priority", required = true, description = "Lower is tried first.")
        int priority;
        @Option(names = "--name", required = true, description = "Unique in the domain.")
        String name;
        @Option(names = "--from", defaultValue = "*",
                description = "Caller: *, user:NAME, number:PATTERN or class:internal|national|international|premium.")
        String caller;
        @Option(names = "--to", required = true, description = "Callee pattern: simple (x, [1-5], *, @~) or"
                + " !regex!replacement!flags.")
        String callee;
        @Option(names = "--schedule", description = "A schedule name, or !NAME for outside it.")
        String schedule;
        @Option(names = "--rewrite", description = "New number for a simple pattern: {1}.. its groups, {user} the number.")
        String rewrite;
        @Option(names = "--action", required = true, description = "forward TARGET[,TARGET..] | redirect URI"
                + " | reject CODE REASON[; info=URL] | continue")
        String action;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            return AdminSession.runAlongsideServer(data.storage(), err, s -> {
                DialPlanStore store = s.dialPlan();
                DialRule rule = new DialRule(domain.toLowerCase(Locale.ROOT), priority, name, caller, callee,
                        schedule, action, rewrite);
                try {
                    RuleParser.rule(rule, PlanCompiler.schedules(store.schedules()));
                } catch (RuleSyntaxException e) {
                    return refuse(err, e, fieldText(rule, e.field()));
                }
                store.saveRule(rule);
                spec.commandLine().getOut().println("Rule " + name + " saved in the plan of " + rule.domain());
                return 0;
            });
        }
    }

    @Command(name = "remove", description = "Remove a rule.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;
        @Option(names = "--domain", required = true)
        String domain;
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            return AdminSession.runAlongsideServer(data.storage(), spec.commandLine().getErr(), s -> {
                if (!s.dialPlan().removeRule(domain, name)) {
                    spec.commandLine().getErr().println("Error: " + domain + " has no rule named " + name);
                    return 1;
                }
                spec.commandLine().getOut().println("Rule " + name + " removed from the plan of " + domain);
                return 0;
            });
        }
    }

    @Command(name = "test", description = {"Say what the plan does with a call: which rule matched, the rewrite,"
        + " the targets in order.", "Example: dialplan test --from 201@example.com --to 004930123456"
            + " --at 2026-12-24T18:00"})
    static final class Test implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;
        @Option(names = "--from", required = true, description = "The caller, USER@DOMAIN, taken as authenticated.")
        String from;
        @Option(names = "--to", required = true, description = "The number dialled, or NUMBER@DOMAIN (default: the"
                + " caller's domain).")
        String to;
        @Option(names = "--at", description = "When: 2026-12-24T18:00 (this machine's zone) or with an offset"
                + " (default: now).")
        String at;

        @Override
        public Integer call() {
            return AdminSession.runAlongsideServer(data.storage(), spec.commandLine().getErr(), s -> {
                DialPlanService.DialTest test = new PlanInspector(s.dialPlan(),
                        () -> s.directory().domains().stream().map(Domain::name).toList(), Clock.systemDefaultZone())
                        .test(from, to, at);
                PrintWriter out = spec.commandLine().getOut();
                out.println(test.heading());
                test.steps().forEach(step -> out.println("  " + step));
                out.println("  decision: " + test.decision());
                return 0;
            });
        }
    }

    @Command(name = "schedule", description = {"Set or remove a named schedule.",
        "Example: dialplan schedule office 'tz=Europe/Berlin; mon-fri 08:00-18:00; holidays=2026-12-24'",
        "A SPEC of 'none' removes it."})
    static final class ScheduleSet implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Parameters(index = "1", paramLabel = "SPEC")
        String text;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            return AdminSession.runAlongsideServer(data.storage(), err, s -> {
                if (text.equals("none")) {
                    boolean used = s.dialPlan().rules().stream().anyMatch(r -> r.schedule() != null
                            && r.schedule().replace("!", "").trim().equals(name));
                    if (used) {
                        err.println("Error: rules use schedule " + name + "; change them first");
                        return 1;
                    }
                    s.dialPlan().removeSchedule(name);
                    spec.commandLine().getOut().println("Schedule " + name + " removed");
                    return 0;
                }
                DialSchedule schedule = new DialSchedule(name, text);
                try {
                    RuleParser.schedule(schedule);
                } catch (RuleSyntaxException e) {
                    return refuse(err, e, text);
                }
                s.dialPlan().saveSchedule(schedule);
                spec.commandLine().getOut().println("Schedule " + name + " saved");
                return 0;
            });
        }
    }

    @Command(name = "class", description = {"Set a user's permission class (internal, national, international,"
        + " premium), or 'none'.", "Example: dialplan class 201@example.com internal"})
    static final class ClassSet implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "USER@DOMAIN")
        String user;
        @Parameters(index = "1", paramLabel = "CLASS")
        String permissionClass;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            return AdminSession.runAlongsideServer(data.storage(), err, s -> {
                AddressOfRecord aor = AddressOfRecord.parse("sip:" + user);
                String value = permissionClass.equals("none") ? null : PermissionClass.of(permissionClass).label();
                s.dialPlan().setPermissionClass(aor, value);
                spec.commandLine().getOut().println(aor.user() + "@" + aor.host() + ": class "
                        + (value == null ? "none" : value));
                return 0;
            });
        }
    }

    @Command(name = "option", description = {"Set a dial plan option, or 'default'.",
        "emergency: numbers never rejected (default 112,911,110); unmatched: status for a call no rule matches"
            + " (default 404), or local to route it to the registered user."})
    static final class OptionSet implements Callable<Integer> {
        @Mixin
        DataDirOption data;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Parameters(index = "1", paramLabel = "VALUE")
        String value;

        @Override
        public Integer call() {
            return AdminSession.runAlongsideServer(data.storage(), spec.commandLine().getErr(), s -> {
                if (!name.equals(PlanOptions.EMERGENCY) && !name.equals(PlanOptions.UNMATCHED)) {
                    throw new IllegalArgumentException("unknown dial plan option '" + name + "'; known: "
                            + PlanOptions.EMERGENCY + ", " + PlanOptions.UNMATCHED);
                }
                String stored = value.equals("default") ? null : value;
                if (stored != null) {
                    // refuses a value the server could not compile
                    PlanOptions.of(Map.of(name, stored));
                }
                s.dialPlan().setOption(name, stored);
                spec.commandLine().getOut().println("Option " + name + (stored == null ? " back to its default"
                        : " set to " + stored));
                return 0;
            });
        }
    }

    private static DialPlan compile(DialPlanStore store) {
        return PlanCompiler.compile(store.rules(), store.schedules(), store.permissionClasses(), store.options(),
                store.revision());
    }

    private static String fieldText(DialRule rule, String field) {
        switch (field) {
            case "caller":
                return rule.caller();
            case "callee":
                return rule.callee();
            case "schedule":
                return rule.schedule();
            case "action":
                return rule.action();
            case "rewrite":
                return rule.rewrite();
            default:
                return null;
        }
    }

    /** Prints the error and, under the field's text, a caret at its position. */
    private static int refuse(PrintWriter err, RuleSyntaxException e, String text) {
        err.println("Error: " + e.getMessage());
        if (text != null && e.position() >= 0) {
            err.println("  " + text);
            err.println("  " + " ".repeat(Math.min(e.position(), text.length())) + "^");
        }
        return 1;
    }
}
