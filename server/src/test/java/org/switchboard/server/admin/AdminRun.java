package org.switchboard.server.admin;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Runs admin commands in process on one data directory, as an admin types them, and keeps what
 * they print. Each run gets a fresh command line, as each invocation of the jar does.
 */
final class AdminRun {
    /** The top command the admin commands hang below. */
    @Command(name = "switchboard")
    static final class Top {
    }

    /** What one command did. */
    record Result(int exitCode, String out, String err) {
    }

    private final Supplier<CommandLine> commands;
    private final Path dataDir;

    private AdminRun(Supplier<CommandLine> commands, Path dataDir) {
        this.commands = commands;
        this.dataDir = dataDir;
    }

    /** Every admin command of the server. */
    static AdminRun all(Path dataDir) {
        return new AdminRun(() -> AdminCommands.addTo(new CommandLine(new Top())), dataDir);
    }

    /** The commands {@code commands} makes below a {@link Top}. */
    static AdminRun of(Supplier<CommandLine> commands, Path dataDir) {
        return new AdminRun(commands, dataDir);
    }

    /** Runs {@code args} with {@code --data-dir} after them. */
    Result run(String... args) {
        CommandLine top = commands.get();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        top.setOut(new PrintWriter(out, true));
        top.setErr(new PrintWriter(err, true));
        String[] withDir = new String[args.length + 2];
        System.arraycopy(args, 0, withDir, 0, args.length);
        withDir[args.length] = "--data-dir";
        withDir[args.length + 1] = dataDir.toString();
        return new Result(top.execute(withDir), out.toString(), err.toString());
    }
}
