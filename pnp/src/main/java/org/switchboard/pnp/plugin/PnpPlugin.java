package org.switchboard.pnp.plugin;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.plugin.HttpMount;
import org.switchboard.core.plugin.Plugin;
import org.switchboard.core.plugin.PluginContext;
import org.switchboard.core.spi.chain.Stage;
import org.switchboard.pnp.http.ProvisioningHandler;
import org.switchboard.pnp.http.ProvisioningRequestResolver;
import org.switchboard.pnp.http.ProvisioningUrls;
import org.switchboard.pnp.inventory.DeviceInventory;
import org.switchboard.pnp.inventory.EmptyInventory;
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
 * recogniser as its filter. Settings come from the {@link DeviceInventory} the server offers, which
 * also records each phone that asks and each fetch; with none, no phone is assigned and every
 * settings fetch is answered 404.
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
        DeviceInventory inventory = context.service(DeviceInventory.class).orElseGet(EmptyInventory::new);
        http.mount(ProvisioningUrls.MOUNT, new ProvisioningHandler(new ProvisioningRequestResolver(), inventory,
                inventory, new SettingsRenderer(dataDir), tokens, urls, http.externalUrl()));

        // the HTTP port is known only once the HTTP server has started, so it is read per NOTIFY
        SettingsUrls settingsUrls = (subscription, server) ->
                urls.forNotify(http.externalUrl(), SCHEME, http.port()).settingsUrlFor(subscription, server);
        PnpSubscribeParser parser = new PnpSubscribeParser();
        PnpSubscribeHandler handler = new PnpSubscribeHandler(parser,
                new RecentSubscriptions(Clock.systemUTC(), REPEAT_WINDOW, REPEAT_CAPACITY), new PnpResponder(),
                settingsUrls);
        context.sip().addProcessor(Stage.LOCAL, new PnpRequestProcessor(parser, handler, context.sip(), inventory,
                context.blockingExecutor()));
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
