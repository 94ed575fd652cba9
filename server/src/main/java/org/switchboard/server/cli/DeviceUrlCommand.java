package org.switchboard.server.cli;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.switchboard.pnp.MacAddress;
import org.switchboard.pnp.http.ProvisioningUrls;
import org.switchboard.pnp.token.ProvisioningTokens;
import org.switchboard.pnp.token.TokenKeyFile;
import org.switchboard.server.admin.DataDirOption;
import org.switchboard.server.config.HttpSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code device url MAC}: prints a phone's settings URL with a fetch token bound to its MAC, signed
 * with the server's token key ({@code <data-dir>/pnp-token.key}), in the form the NOTIFY carries.
 * For phones that plug-and-play multicast does not reach (another subnet): the admin enters it on
 * the phone or in the DHCP server (option 66/67). Reads only the key file, so it also runs while
 * the server does.
 */
@Command(name = "url", description = {"Print a phone's settings URL with a token, to enter on the phone or in",
    "the DHCP server (option 66/67) when multicast plug-and-play does not reach it."})
final class DeviceUrlCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "MAC")
    String mac;
    @Option(names = "--days", paramLabel = "DAYS", defaultValue = "365",
            description = "How long the URL stays valid (default ${DEFAULT-VALUE}).")
    int days;
    @Option(names = "--external-url", paramLabel = "URL",
            description = "Base URL phones fetch their settings from, as given to the server (env "
                    + "SWITCHBOARD_EXTERNAL_URL).")
    URI externalUrl;
    @Option(names = "--base", paramLabel = "URL",
            description = "Base URL when there is no external URL: http://host:port of the server's HTTP port.")
    URI base;

    @Override
    public Integer call() {
        try {
            MacAddress phone = MacAddress.parse(mac).orElseThrow(
                    () -> new IllegalArgumentException("'" + mac + "' is not a MAC address like 000413aabbcc"));
            if (days < 1) {
                throw new IllegalArgumentException("--days must be at least 1: " + days);
            }
            URI baseUrl = externalUrl != null ? externalUrl : base;
            if (baseUrl == null) {
                throw new IllegalArgumentException("give --external-url or --base http://host:port");
            }
            HttpSettings.requireHttpUrl(baseUrl);
            ProvisioningTokens tokens = new ProvisioningTokens(TokenKeyFile.loadOrCreate(data.dataDir()),
                    Clock.systemUTC());
            spec.commandLine().getOut().println(new ProvisioningUrls(tokens, Duration.ZERO, Duration.ZERO)
                    .settingsUrl(baseUrl.toString(), phone, Duration.ofDays(days)));
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            spec.commandLine().getErr().println("Error: " + e.getMessage());
            return 1;
        }
    }
}
