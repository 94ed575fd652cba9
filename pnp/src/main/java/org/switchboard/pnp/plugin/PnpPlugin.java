package org.switchboard.pnp.plugin;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.plugin.HttpMount;
import org.switchboard.core.plugin.Plugin;
import org.switchboard.core.plugin.PluginContext;
import org.switchboard.core.spi.chain.Stage;
import org.switchboard.core.spi.settings.Settings;
import org.switchboard.pnp.devices.PhoneSettingsAssembler;
import org.switchboard.pnp.devices.PnpPolicy;
import org.switchboard.pnp.devices.ProvisioningDefaults;
import org.switchboard.pnp.devices.ServiceInventory;
import org.switchboard.pnp.http.ProvisioningHandler;
import org.switchboard.pnp.http.ProvisioningRequestResolver;
import org.switchboard.pnp.http.ProvisioningUrls;
import org.switchboard.pnp.inventory.DeviceInventory;
import org.switchboard.pnp.settings.SettingsRenderer;
import org.switchboard.pnp.subscribe.PnpResponder;
import org.switchboard.pnp.subscribe.PnpSubscribeHandler;
import org.switchboard.pnp.subscribe.PnpSubscribeParser;
import org.switchboard.pnp.subscribe.RecentSubscriptions;
import org.switchboard.pnp.subscribe.SettingsUrls;
import org.switchboard.pnp.token.ProvisioningTokens;
import org.switchboard.pnp.token.TokenKeyFile;

/**
 * Phone plug-and-play as a plugin. On start it loads (or creates) the token key in the data
 * directory, mounts the settings files at {@value ProvisioningUrls#MOUNT}, adds the SUBSCRIBE
 * processor to the SIP request chain and asks for the SIP multicast group with the plug-and-play
 * recogniser as its filter. Phones, their settings and what they did are kept through the devices
 * and users services ({@link ServiceInventory}); what happens to a phone nobody assigned yet is the
 * live {@link PnpPolicy} section, when the server offers its {@link Settings}, else its defaults.
 *
 * <p>Without HTTP there is no URL to hand out, so the plugin then registers nothing and says so.
 * Lifecycle as {@link Plugin}.
 */
public final class PnpPlugin implements Plugin {
    private static final Logger LOG = LoggerFactory.getLogger(PnpPlugin.class);
    /** A phone fetches at once after the NOTIFY; the URL need not live longer. */
    private static final Duration NOTIFY_URL_LIFETIME = Duration.ofMinutes(10);
    /** The URL in {@code setting_server}, renewed on every fetch, so a phone rebooting within a year is served. */
    private static final Duration SETTING_SERVER_URL_LIFETIME = Duration.ofDays(365);
    /** Phones repeat their SUBSCRIBE within seconds (Grandstream five times, Panasonic after 5 s). */
    private static final Duration REPEAT_WINDOW = Duration.ofSeconds(30);
    /** At most this many phones are remembered for the repeat window, so a flood costs bounded memory. */
    private static final int REPEAT_CAPACITY = 10_000;
    private static final String SCHEME = "http";

    @Override
    public String name() {
        return "pnp";
    }

    @Override
    public void start(PluginContext context) throws IOException {
        HttpMount http = context.http();
        if (!http.enabled()) {
            LOG.warn("PnP: off, because HTTP is disabled and phones would have nowhere to fetch their settings; "
                    + "set --http-port to enable it");
            return;
        }
        Path dataDir = context.dataDirectory();
        ProvisioningTokens tokens = new ProvisioningTokens(TokenKeyFile.loadOrCreate(dataDir), Clock.systemUTC());
        ProvisioningUrls urls = new ProvisioningUrls(tokens, NOTIFY_URL_LIFETIME, SETTING_SERVER_URL_LIFETIME);
        Supplier<PnpPolicy> policy = context.service(Settings.class)
                .<Supplier<PnpPolicy>>map(s -> () -> s.current(PnpPolicy.SECTION))
                .orElse(PnpPolicy.SECTION::defaults);
        PhoneSettingsAssembler settings = new PhoneSettingsAssembler(context.devices(), context.users(),
                PhoneSettingsAssembler.outboundProxy(context.sip().soleListenAddress()), ProvisioningDefaults.standard());
        DeviceInventory inventory = new ServiceInventory(context.devices(), context.users(), policy, settings,
                context.blockingExecutor());
        http.mount(ProvisioningUrls.MOUNT, new ProvisioningHandler(new ProvisioningRequestResolver(), inventory,
                inventory, new SettingsRenderer(dataDir), tokens, urls, http.externalUrl()));

        // the HTTP port is known only once the HTTP server has started, so it is read per NOTIFY
        SettingsUrls settingsUrls = (subscription, server) ->
                urls.forNotify(http.externalUrl(), SCHEME, http.port()).settingsUrlFor(subscription, server);
        PnpSubscribeParser parser = new PnpSubscribeParser();
        PnpSubscribeHandler handler = new PnpSubscribeHandler(parser,
                new RecentSubscriptions(Clock.systemUTC(), REPEAT_WINDOW, REPEAT_CAPACITY), new PnpResponder(),
                settingsUrls);
        context.sip().addProcessor(Stage.LOCAL, new PnpRequestProcessor(parser, handler, context.sip(), inventory));
        context.sip().acceptOnMulticast(parser::recognises);

        int assigned = inventory.assignedCount();
        if (assigned == 0) {
            LOG.info("PnP: ready, but no phones are assigned yet: phones that ask are told where to fetch their "
                    + "settings and get 404 there until an admin assigns them");
        } else {
            LOG.info("PnP: ready; {} phones assigned", assigned);
        }
    }

    @Override
    public void stop() {
        // holds nothing of its own: its handler and processor stop with the HTTP server and the SIP stack
    }
}
