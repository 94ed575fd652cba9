package org.switchboard.server.admin;


import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.server.admin.AdminRun.Result;

/** {@code switchboard dialplan ...} in process on a temporary data directory. */
class DialPlanCommandTest {
    @TempDir
    Path dataDir;

    private Result run(String... args) {
        return AdminRun.all(dataDir).run(args);
    }

    @BeforeEach
    void domain() {
        assertThat(run("domain", "add", "example.com").exitCode()).isZero();
    }

    @Test
    void rulesAreAddedListedInTheirOrderAndRemoved() {
        assertThat(run("dialplan", "add", "--domain", "example.com", "--priority", "20", "--name", "intl",
                "--to", "00*", "--action", "forward sip:{user}@gw.example.net"))
                .isEqualTo(new Result(0, "Rule intl saved in the plan of example.com\n", ""));
        assertThat(run("dialplan", "add", "--domain", "example.com", "--priority", "10", "--name", "voicemail",
                "--to", "9xxx", "--rewrite", "{1}", "--action", "forward sip:{user}@vm.example.com").exitCode())
                .isZero();

        assertThat(run("dialplan", "list").out()).startsWith("example.com:\n"
                + "  10 voicemail: from * to 9xxx -> forward sip:{user}@vm.example.com\n"
                + "  20 intl: from * to 00* -> forward sip:{user}@gw.example.net\n");

        assertThat(run("dialplan", "remove", "--domain", "example.com", "intl").exitCode()).isZero();
        assertThat(run("dialplan", "remove", "--domain", "example.com", "intl"))
                .isEqualTo(new Result(1, "", "Error: example.com has no rule named intl\n"));
        assertThat(run("dialplan", "list").out()).doesNotContain("intl");
    }

    @Test
    void aBadRegexIsRefusedWithACaretAtTheErrorAndNothingIsSaved() {
        Result refused = run("dialplan", "add", "--domain", "example.com", "--priority", "10", "--name", "bad",
                "--to", "!^0(\\d+$!+49\\1!", "--action", "continue");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("Error: callee at position 8: ")
                .endsWith("  !^0(\\d+$!+49\\1!\n" + "          ^\n");
        assertThat(run("dialplan", "list").out()).doesNotContain("bad");
    }

    @Test
    void testSaysWhichRuleMatchedTheRewriteAndTheTargets() {
        run("dialplan", "add", "--domain", "example.com", "--priority", "10", "--name", "e164",
                "--to", "!^0([1-9]\\d+)$!+49\\1!", "--action", "continue");
        run("dialplan", "add", "--domain", "example.com", "--priority", "20", "--name", "germany",
                "--to", "+49*", "--action", "forward sip:{user}@gw1.example.net, sip:{user}@gw2.example.net");

        Result result = run("dialplan", "test", "--from", "201@example.com", "--to", "030123",
                "--at", "2026-12-24T18:00:00Z");

        assertThat(result).isEqualTo(new Result(0, "201@example.com (class none) dials 030123@example.com at"
                + " 2026-12-24T18:00:00Z\n"
                + "  rewritten by rule 10 e164: !^0([1-9]\\d+)$!+49\\1! -> +4930123\n"
                + "  matched rule 20 germany: from * to +49* -> forward sip:{user}@gw1.example.net,"
                + " sip:{user}@gw2.example.net\n"
                + "  number: +4930123\n"
                + "  target 1: sip:+4930123@gw1.example.net\n"
                + "  target 2: sip:+4930123@gw2.example.net\n"
                + "  decision: forward to sip:+4930123@gw1.example.net, sip:+4930123@gw2.example.net"
                + " (rule 20 germany)\n", ""));
    }

    @Test
    void testHonoursSchedulesHolidaysAndPermissionClasses() {
        assertThat(run("dialplan", "schedule", "office", "tz=Europe/Berlin; mon-fri 08:00-18:00;"
                + " holidays=2026-12-24").exitCode()).isZero();
        assertThat(run("dialplan", "class", "201@example.com", "internal").exitCode()).isZero();
        run("dialplan", "add", "--domain", "example.com", "--priority", "5", "--name", "no-outside",
                "--from", "class:internal", "--to", "0*", "--action", "reject 403 Outside calls are barred");
        run("dialplan", "add", "--domain", "example.com", "--priority", "10", "--name", "day",
                "--to", "0", "--schedule", "office", "--action", "forward 200");
        run("dialplan", "add", "--domain", "example.com", "--priority", "20", "--name", "night",
                "--to", "0", "--schedule", "!office", "--action", "redirect sip:night@service.example.net");

        assertThat(run("dialplan", "test", "--from", "202@example.com", "--to", "0", "--at",
                "2026-12-23T10:00+01:00").out()).contains("decision: forward to sip:200@example.com (rule 10 day)");
        assertThat(run("dialplan", "test", "--from", "202@example.com", "--to", "0", "--at",
                "2026-12-24T10:00+01:00").out())
                .contains("decision: redirect (302) to sip:night@service.example.net (rule 20 night)");
        assertThat(run("dialplan", "test", "--from", "201@example.com", "--to", "004930123", "--at",
                "2026-12-23T10:00+01:00").out())
                .contains("(class internal)")
                .contains("decision: reject 403 Outside calls are barred (rule 5 no-outside)");
        assertThat(run("dialplan", "test", "--from", "201@example.com", "--to", "112").out())
                .contains("decision: route 112 as without a dial plan (no rule)");
    }

    @Test
    void badSchedulesClassesAndOptionsAreRefusedInOneLine() {
        assertThat(run("dialplan", "schedule", "office", "mon-fri 08:00-25:00").err())
                .startsWith("Error: schedule at position 0: ");
        assertThat(run("dialplan", "class", "201@example.com", "vip").err())
                .startsWith("Error: unknown permission class 'vip'");
        assertThat(run("dialplan", "option", "unmatched", "200").err())
                .isEqualTo("Error: unmatched is a status of 400-699 or local, not 200\n");
        assertThat(run("dialplan", "option", "colour", "blue").exitCode()).isEqualTo(1);
        assertThat(run("dialplan", "add", "--domain", "example.com", "--priority", "1", "--name", "x",
                "--to", "0", "--schedule", "weekend", "--action", "forward 200").err())
                .startsWith("Error: schedule at position 0: no schedule named 'weekend'");
    }

    @Test
    void optionsAreSetAndReset() {
        assertThat(run("dialplan", "option", "unmatched", "local").exitCode()).isZero();
        assertThat(run("dialplan", "option", "emergency", "112,110").exitCode()).isZero();
        assertThat(run("dialplan", "list").out()).contains("emergency numbers: 110, 112\nunmatched: local\n");

        assertThat(run("dialplan", "option", "unmatched", "default").exitCode()).isZero();
        Result list = run("dialplan", "list");
        assertThat(list.err()).isEmpty();
        assertThat(list.out()).contains("unmatched: 404\n");
    }
}
