package org.switchboard.server.admin;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.switchboard.store.calls.CallListing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code calls [--limit N]}: the most recent calls from the call records, newest first, with start
 * time, caller, callee, final status, talk time and who hung up. Runs on the calling thread.
 */
@Command(name = "calls", mixinStandardHelpOptions = true, description = {
    "List the most recent calls, newest first (run while the server is stopped).",
    "Times are local; TALK is the time from answer to hang-up."})
public final class CallsCommand implements Callable<Integer> {
    /** The most calls one listing may show. */
    static final int MAX_LIMIT = 10_000;

    private final ZoneId zone;

    @Mixin
    DataDirOption data;
    @Spec
    CommandSpec spec;
    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "How many calls to list, 1 to " + MAX_LIMIT + " (default ${DEFAULT-VALUE}).")
    int limit;

    public CallsCommand() {
        this(ZoneId.systemDefault());
    }

    /** With the time zone the start times are shown in. */
    public CallsCommand(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (limit < 1 || limit > MAX_LIMIT) {
            err.println("Error: --limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
            return 1;
        }
        return AdminSession.run(data.storage(), err, s -> {
            PrintWriter out = spec.commandLine().getOut();
            new CallListing(zone).lines(s.callRecords().recent(limit)).forEach(out::println);
            return 0;
        });
    }
}
