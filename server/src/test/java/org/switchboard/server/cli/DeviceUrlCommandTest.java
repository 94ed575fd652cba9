package org.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pnp.MacAddress;
import org.switchboard.pnp.token.ProvisioningTokens;
import org.switchboard.pnp.token.TokenCheck;
import org.switchboard.pnp.token.TokenKeyFile;
import picocli.CommandLine;

/** {@code switchboard device url}: a settings URL whose token the server accepts for that phone only. */
class DeviceUrlCommandTest {
    private static final MacAddress PHONE = MacAddress.parse("000413aabbcc").orElseThrow();

    @TempDir
    Path dataDir;

    private record Result(int exitCode, String out, String err) {
    }

    private Result run(Map<String, String> env, String... args) {
        CommandLine commandLine = SwitchboardCli.create(env, config -> {
            throw new AssertionError("the server must not run");
        });
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] withDir = new String[args.length + 2];
        System.arraycopy(args, 0, withDir, 0, args.length);
        withDir[args.length] = "--data-dir";
        withDir[args.length + 1] = dataDir.toString();
        return new Result(commandLine.execute(withDir), out.toString(), err.toString());
    }

    private TokenCheck checkAt(String url, MacAddress mac, Instant at) throws Exception {
        String token = url.strip().substring(url.indexOf("?token=") + "?token=".length());
        return new ProvisioningTokens(TokenKeyFile.loadOrCreate(dataDir), Clock.fixed(at, ZoneOffset.UTC))
                .check(token, mac);
    }

    @Test
    void printsTheNotifyFormOfTheUrlWithATokenForThatPhoneValidForTheGivenDays() throws Exception {
        Instant now = Instant.now();
        Result r = run(Map.of(), "device", "url", "00:04:13:AA:BB:CC", "--base", "http://192.0.2.1:8080", "--days",
                "30");

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("http://192.0.2.1:8080/provisioning/000413aabbcc.xml?token=").hasLineCount(1);
        assertThat(checkAt(r.out(), PHONE, now.plus(Duration.ofDays(29)))).isEqualTo(TokenCheck.VALID);
        assertThat(checkAt(r.out(), PHONE, now.plus(Duration.ofDays(31)))).isEqualTo(TokenCheck.EXPIRED);
        assertThat(checkAt(r.out(), MacAddress.parse("000413aabbcd").orElseThrow(), now))
                .isEqualTo(TokenCheck.WRONG_MAC);
    }

    @Test
    void theExternalUrlFromTheEnvironmentWinsOverBaseAndTheDefaultIsAYear() throws Exception {
        Instant now = Instant.now();
        Result r = run(Map.of("SWITCHBOARD_EXTERNAL_URL", "https://pbx.example.com/"), "device", "url",
                "000413aabbcc", "--base", "http://192.0.2.1:8080");

        assertThat(r.out()).startsWith("https://pbx.example.com/provisioning/000413aabbcc.xml?token=");
        assertThat(checkAt(r.out(), PHONE, now.plus(Duration.ofDays(364)))).isEqualTo(TokenCheck.VALID);
        assertThat(checkAt(r.out(), PHONE, now.plus(Duration.ofDays(366)))).isEqualTo(TokenCheck.EXPIRED);
    }

    @Test
    void errorsAreOneLineWithExitCode1() {
        Result noBase = run(Map.of(), "device", "url", "000413aabbcc");
        Result badMac = run(Map.of(), "device", "url", "00041", "--base", "http://192.0.2.1:8080");
        Result ftp = run(Map.of(), "device", "url", "000413aabbcc", "--base", "ftp://192.0.2.1");
        Result zeroDays = run(Map.of(), "device", "url", "000413aabbcc", "--base", "http://192.0.2.1", "--days", "0");

        assertThat(List.of(noBase, badMac, ftp, zeroDays)).allSatisfy(r -> {
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).startsWith("Error: ").hasLineCount(1).doesNotContain("Exception");
        });
        assertThat(noBase.err()).isEqualTo("Error: give --external-url or --base http://host:port\n");
        assertThat(badMac.err()).isEqualTo("Error: '00041' is not a MAC address like 000413aabbcc\n");
        assertThat(ftp.err()).isEqualTo(
                "Error: external URL ftp://192.0.2.1 is not an absolute http:// or https:// URL\n");
    }
}
