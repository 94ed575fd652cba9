package org.switchboard.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.spi.store.CallRecord;
import org.switchboard.core.spi.store.CallRecord.Hangup;
import org.switchboard.server.data.Storage;
import org.switchboard.store.Database;
import org.switchboard.store.calls.JdbcCallRecordStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code calls} run in process on a temporary data directory holding call records. */
class CallsCommandTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @TempDir
    Path dataDir;

    @Command(name = "switchboard")
    static final class Top {
    }

    private record Result(int exitCode, String out, String err) {
    }

    private Result run(String... args) {
        CommandLine top = new CommandLine(new Top()).addSubcommand(new CallsCommand(ZoneOffset.UTC));
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

    private void saveCalls(int count) {
        try (Database db = Storage.inDataDir(dataDir).openDatabase(2)) {
            JdbcCallRecordStore store = new JdbcCallRecordStore(db);
            for (int i = 0; i < count; i++) {
                Instant start = T0.plusSeconds(60L * i);
                store.save(new CallRecord("call-" + i, "sip:alice@example.com", "sip:" + (200 + i) + "@example.com",
                        start, start.plusSeconds(1), start.plusSeconds(11), 200, Hangup.CALLEE));
            }
        }
    }

    @Test
    void listsTheLast20CallsNewestFirstByDefault() {
        saveCalls(25);

        Result result = run("calls");

        assertThat(result.exitCode()).as(result.err()).isZero();
        String[] lines = result.out().split("\n");
        assertThat(lines).hasSize(21);
        assertThat(lines[0]).startsWith("TIME").contains("CALLER", "CALLEE", "STATUS", "TALK", "HUNG UP BY");
        assertThat(lines[1]).isEqualTo(
                "2025-03-01 10:24:00  sip:alice@example.com  sip:224@example.com  200     0:00:10  callee");
        assertThat(lines[20]).startsWith("2025-03-01 10:05:00").contains("sip:205@example.com");
    }

    @Test
    void limitChoosesHowManyCallsAreListed() {
        saveCalls(5);

        Result result = run("calls", "--limit", "2");

        assertThat(result.out().split("\n")).hasSize(3);
        assertThat(result.out()).contains("sip:204@example.com", "sip:203@example.com")
                .doesNotContain("sip:202@example.com");
    }

    @Test
    void anEmptyDataDirectoryHasNoCalls() {
        assertThat(run("calls")).isEqualTo(new Result(0, "No calls recorded.\n", ""));
    }

    @Test
    void aLimitOutOfRangeIsOneLineWithExitCode1() {
        Result zero = run("calls", "--limit", "0");
        Result huge = run("calls", "--limit", "10001");

        assertThat(zero.exitCode()).isEqualTo(1);
        assertThat(zero.err()).isEqualTo("Error: --limit must be between 1 and 10000, not 0\n");
        assertThat(huge.exitCode()).isEqualTo(1);
    }
}
