package org.switchboard.server.admin;


import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.proxy.ProxyTimes;
import org.switchboard.core.spi.settings.StoredSettings;
import org.switchboard.server.admin.AdminRun.Result;
import org.switchboard.server.data.Storage;
import org.switchboard.server.settings.SettingsSections;
import org.switchboard.store.Database;
import org.switchboard.store.settings.JdbcSettingsStore;

/** {@code switchboard settings} run in process on a temporary data directory. */
class SettingsCommandTest {
    @TempDir
    Path dataDir;

    private Result run(String... args) {
        return AdminRun.all(dataDir).run(args);
    }

    @Test
    void aSettingSetByTheCommandIsWhatTheServerStartsWith() {
        Result set = run("settings", "set", "proxy.ringTimeout=90s", "proxy.followRedirects=false");

        assertThat(set.exitCode()).as(set.err()).isZero();
        try (Database db = Storage.inDataDir(dataDir).openDatabase(2)) {
            ProxyTimes times = StoredSettings.open(new JdbcSettingsStore(db), SettingsSections.ALL, List.of())
                    .current(ProxyTimes.SECTION);
            assertThat(times.ringTimeout()).isEqualTo(Duration.ofSeconds(90));
            assertThat(times.followRedirects()).isFalse();
        }
        assertThat(run("settings", "list", "proxy").out())
                .contains("proxy.ringTimeout = 90s  (default 2m, stored", ", stored, applies live")
                .contains("proxy.timerC = ");
    }

    @Test
    void listShowsTheProxyRegistrarAndNatSectionsAndSetStoresANatSetting() {
        Result set = run("settings", "set", "nat.mode=always");

        assertThat(set.exitCode()).as(set.err()).isZero();
        Result list = run("settings", "list");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("proxy.ringTimeout = ", "registrar.maxSeconds = ", "nat.mode = always",
                "nat.stunPort = ");
    }

    @Test
    void listShowsThePnpSectionAndSetStoresThePolicyForNewPhones() {
        Result set = run("settings", "set", "pnp.assign=auto", "pnp.extensions=300-309");

        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(run("settings", "list", "pnp").out()).contains("pnp.assign = auto", "pnp.extensions = 300-309");
        assertThat(run("settings", "set", "pnp.extensions=309-300").err())
                .contains("extension range 309-300 is empty").hasLineCount(1);
    }

    @Test
    void badAssignmentsValuesAndSectionsAreOneLineErrors() {
        List<Result> errors = List.of(run("settings", "set", "ringTimeout=90s"),
                run("settings", "set", "proxy.ringTimeout=soon"),
                run("settings", "set", "nosuch.thing=1"),
                run("settings", "set", "proxy.ringTimeout=90s", "other.x=1"),
                run("settings", "list", "nosuch"));

        assertThat(errors).allSatisfy(r -> {
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err()).startsWith("Error: ").hasLineCount(1).doesNotContain("Exception");
        });
        assertThat(errors.get(1).err()).contains("proxy.ringTimeout");
        assertThat(errors.get(2).err()).contains("no settings section nosuch");
    }

    @Test
    void aRunningServerOnTheEmbeddedDatabaseIsReportedInOneLine() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process server = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                HoldDataDir.class.getName(), dataDir.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var ready = new BufferedReader(new InputStreamReader(server.getInputStream()))) {
            assertThat(ready.readLine()).isEqualTo("ready");

            Result r = run("settings", "set", "proxy.ringTimeout=90s");

            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err()).contains("in use by a running Switchboard server").hasLineCount(1);
        } finally {
            server.getOutputStream().close();
            server.waitFor();
        }
    }
}
