package org.switchboard.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.store.DialRule;
import org.switchboard.core.spi.store.DialSchedule;
import org.switchboard.dialplan.plan.Call;
import org.switchboard.dialplan.plan.DialPlan;
import org.switchboard.dialplan.plan.Outcome;
import org.switchboard.dialplan.plan.PlanCompiler;
import org.switchboard.dialplan.rule.Caller;

/**
 * One route decision of the dial plan: a plan of 1,000 rules (800 simple prefix patterns, 150
 * regular expressions with a fixed start, 20 without one, 30 on permission classes and office
 * hours) and 10,000 users with permission classes; each operation is one caller dialling one of
 * 1,024 prepared numbers (forwarded, rewritten, rejected, incomplete, unmatched), with the class
 * lookup the router does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class DialPlanBenchmark {
    private static final String DOMAIN = "example.com";
    private static final Predicate<String> OURS = Set.of(DOMAIN)::contains;
    private static final int USERS = 10_000;
    private static final String[] CLASSES = {"internal", "national", "international", "premium"};

    private DialPlan plan;
    private Call[] calls;
    private int next;

    /** Builds the plan and the calls, with a fixed seed. */
    @Setup
    public void setUp() {
        List<DialRule> rules = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            rules.add(rule(100 + i, "simple-" + i, "*", String.format("0%03dxxx*", i), "forward sip:{user}@gw.example.net"));
        }
        for (int i = 0; i < 150; i++) {
            rules.add(rule(1000 + i, "regex-" + i, "*", String.format("!^9%03d(\\d+)$!\\1!", i),
                    "forward sip:{user}@vm.example.com"));
        }
        for (int i = 0; i < 20; i++) {
            rules.add(rule(1200 + i, "free-regex-" + i, "*", String.format("!^(\\d{3})%02d#$!\\1!", i),
                    "forward {user}"));
        }
        for (int i = 0; i < 30; i++) {
            rules.add(new DialRule(DOMAIN, 10 + i, "class-" + i, "class:" + CLASSES[i % CLASSES.length],
                    String.format("8%02dx*", i), i % 2 == 0 ? "office" : "!office", "reject 403 Barred", null));
        }
        Map<AddressOfRecord, String> classes = new HashMap<>();
        for (int u = 0; u < USERS; u++) {
            classes.put(new AddressOfRecord(user(u), DOMAIN), CLASSES[u % CLASSES.length]);
        }
        plan = PlanCompiler.compile(rules, List.of(new DialSchedule("office", "tz=Europe/Berlin; mon-fri 08:00-18:00")),
                classes, Map.of(), 1);
        Random random = new Random(42);
        Instant at = Instant.parse("2026-12-07T10:00:00Z");
        calls = new Call[1024];
        for (int i = 0; i < calls.length; i++) {
            String number;
            switch (i % 6) {
                case 0 -> number = String.format("0%03d%07d", random.nextInt(800), random.nextInt(10_000_000));
                case 1 -> number = String.format("9%03d%04d", random.nextInt(150), random.nextInt(10_000));
                case 2 -> number = String.format("8%02d%05d", random.nextInt(30), random.nextInt(100_000));
                case 3 -> number = String.format("0%03d", random.nextInt(800)); // incomplete: 484
                case 4 -> number = String.format("%03d%02d#", random.nextInt(1000), random.nextInt(20));
                default -> number = String.format("7%06d", random.nextInt(1_000_000)); // unmatched: 404
            }
            AddressOfRecord caller = new AddressOfRecord(user(random.nextInt(USERS)), DOMAIN);
            calls[i] = new Call(DOMAIN, number, DOMAIN, new Caller(caller, caller.user(), null), at);
        }
    }

    private static String user(int u) {
        return String.valueOf(20_000 + u);
    }

    private static DialRule rule(int priority, String name, String caller, String callee, String action) {
        return new DialRule(DOMAIN, priority, name, caller, callee, null, action, null);
    }

    /** One decision: the caller's class looked up, then the plan evaluated. */
    @Benchmark
    public Outcome decide() {
        Call call = calls[next++ & (calls.length - 1)];
        String permissionClass = plan.permissionClassOf(call.caller().authenticated());
        return plan.evaluate(new Call(call.domain(), call.number(), call.host(),
                new Caller(call.caller().authenticated(), call.caller().number(), permissionClass), call.at()), OURS);
    }
}
