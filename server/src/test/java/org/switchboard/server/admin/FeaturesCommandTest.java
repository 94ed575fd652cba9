package org.switchboard.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.server.admin.AdminRun.Result;

/** {@code switchboard features ...} and {@code switchboard group ...} in process on a temporary data directory. */
class FeaturesCommandTest {
    @TempDir
    Path dataDir;

    private Result run(String... args) {
        return AdminRun.all(dataDir).run(args);
    }

    @BeforeEach
    void domainAndUser() {
        assertThat(run("domain", "add", "example.com").exitCode()).isZero();
        assertThat(run("user", "add", "201@example.com", "--password", "alice-secret-1").exitCode()).isZero();
    }

    @Test
    void forwardingDoNotDisturbAndFollowMeAreSetListedAndCleared() {
        assertThat(run("features", "forward", "201@example.com", "no-answer", "voicemail", "--after", "15"))
                .isEqualTo(new Result(0, "Call features of 201@example.com: forward on no answer voicemail;"
                        + " no answer after 15 s\n", ""));
        assertThat(run("features", "dnd", "201@example.com", "on").exitCode()).isZero();
        assertThat(run("features", "follow-me", "201@example.com", "0171234 after 10").exitCode()).isZero();
        assertThat(run("features", "voicemail", "all", "sip:vm-{user}@vm.example.com").exitCode()).isZero();

        assertThat(run("features", "list").out()).isEqualTo("201@example.com: forward on no answer voicemail;"
                + " no answer after 15 s; do not disturb on; follow me 0171234 after 10\n"
                + "voicemail: sip:vm-{user}@vm.example.com\n"
                + "code.forward-on: *72\ncode.forward-off: *73\ncode.dnd-on: *78\ncode.dnd-off: *79\n");

        run("features", "forward", "201@example.com", "no-answer", "off");
        run("features", "dnd", "201@example.com", "off");
        assertThat(run("features", "follow-me", "201@example.com", "off").out())
                .isEqualTo("Call features of 201@example.com: none\n");
        assertThat(run("features", "list").out()).startsWith("voicemail: ");
    }

    @Test
    void whatTheServerCouldNotReadIsRefusedWithAReason() {
        assertThat(run("features", "forward", "299@example.com", "always", "202"))
                .isEqualTo(new Result(1, "", "Error: no user 299 in domain example.com\n"));
        assertThat(run("features", "forward", "201@example.com", "sometimes", "202").err())
                .isEqualTo("Error: 'sometimes' is none of always, busy, no-answer\n");
        assertThat(run("features", "follow-me", "201@example.com", "0171234 in 10").err())
                .isEqualTo("Error: follow-me entry '0171234 in 10' is not 'TARGET after SECONDS'\n");
        assertThat(run("features", "voicemail", "example.com", "vm-{user}").err())
                .startsWith("Error: voicemail.example.com: 'vm-{user}' does not give a SIP URI");
        assertThat(run("features", "code", "dnd-on", "*73").err())
                .isEqualTo("Error: code.dnd-on: *73 is already another feature's code\n");
        assertThat(run("features", "list").out()).doesNotContain("example.com:").doesNotContain("voicemail");
    }

    @Test
    void featureCodesAreSetSwitchedOffAndReset() {
        assertThat(run("features", "code", "forward-on", "#21#").out()).isEqualTo("Feature code forward-on set to #21#\n");
        run("features", "code", "dnd-on", "off");

        assertThat(run("features", "list").out()).contains("code.forward-on: #21#\n").contains("code.dnd-on: off\n");
        run("features", "code", "forward-on", "default");
        assertThat(run("features", "list").out()).contains("code.forward-on: *72\n");
    }

    @Test
    void groupsAreAddedListedAndRemovedAndAUsersNumberIsRefused() {
        assertThat(run("group", "add", "--domain", "example.com", "--name", "600", "--strategy", "linear",
                "--members", "201,202", "--ring", "15", "--fallback", "voicemail"))
                .isEqualTo(new Result(0, "Group 600@example.com saved\n", ""));
        assertThat(run("group", "list").out())
                .isEqualTo("600@example.com: linear, ring 15 s, members 201,202, fallback voicemail\n");
        assertThat(run("group", "add", "--domain", "example.com", "--name", "201", "--members", "202").err())
                .isEqualTo("Error: 201@example.com is a user; a group needs a number of its own\n");
        assertThat(run("group", "add", "--domain", "example.com", "--name", "601", "--strategy", "random",
                "--members", "202").err()).isEqualTo("Error: strategy 'random' is neither ring-all nor linear\n");

        assertThat(run("group", "remove", "--domain", "example.com", "600").exitCode()).isZero();
        assertThat(run("group", "remove", "--domain", "example.com", "600"))
                .isEqualTo(new Result(1, "", "Error: no group 600 in example.com\n"));
    }
}
