package org.switchboard.pnp.http;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.switchboard.core.transport.Addresses;
import org.switchboard.pnp.MacAddress;
import org.switchboard.pnp.subscribe.SettingsUrls;
import org.switchboard.pnp.token.ProvisioningTokens;

/**
 * Makes the URLs of a phone's files, the inverse of {@link ProvisioningRequestResolver}. A URL for
 * the settings carries a fresh token: a short-lived one in the NOTIFY (the phone fetches at once),
 * a long-lived one in {@code setting_server} (renewed on every fetch, so a phone that reboots
 * within that time still gets its file).
 *
 * <p>Thread-safe.
 */
public final class ProvisioningUrls {
    /** Where {@link ProvisioningHandler} is mounted on the HTTP server. */
    public static final String MOUNT = "/provisioning";
    /** The query parameter holding the token. */
    public static final String TOKEN_PARAMETER = "token";

    private final ProvisioningTokens tokens;
    private final Duration notifyLifetime;
    private final Duration settingServerLifetime;

    /**
     * @param notifyLifetime how long the URL sent in a NOTIFY stays valid (minutes)
     * @param settingServerLifetime how long the {@code setting_server} URL stays valid (months)
     */
    public ProvisioningUrls(ProvisioningTokens tokens, Duration notifyLifetime, Duration settingServerLifetime) {
        this.tokens = Objects.requireNonNull(tokens);
        this.notifyLifetime = Objects.requireNonNull(notifyLifetime);
        this.settingServerLifetime = Objects.requireNonNull(settingServerLifetime);
    }

    /**
     * The settings URL for a NOTIFY. Uses the external base URL if the admin configured one, else
     * {@code scheme://<address of the interface the SUBSCRIBE arrived on>:httpPort}.
     *
     * @param externalBaseUrl e.g. {@code https://pbx.example.com}, or empty
     * @param scheme {@code http} or {@code https}, for the interface address
     * @param httpPort the HTTP server's port, for the interface address
     */
    public SettingsUrls forNotify(Optional<URI> externalBaseUrl, String scheme, int httpPort) {
        return (subscription, server) -> settingsUrl(
                externalBaseUrl.map(URI::toString).orElseGet(() -> scheme + "://" + Addresses.host(server) + ':' + httpPort),
                subscription.mac(), notifyLifetime);
    }

    /** The {@code setting_server} URL for a file served from {@code baseUrl}. */
    public String settingServerUrl(String baseUrl, MacAddress mac) {
        return settingsUrl(baseUrl, mac, settingServerLifetime);
    }

    /** The firmware file's URL. It holds no secrets, so it needs no token. */
    public String firmwareUrl(String baseUrl, MacAddress mac) {
        return trimmed(baseUrl) + MOUNT + '/' + mac.value() + "-firmware.xml";
    }

    /**
     * The settings URL for a file served from {@code baseUrl}, with a token valid for {@code
     * lifetime}: what an admin enters on a phone or in a DHCP server (option 66/67) when
     * plug-and-play multicast does not reach the phone.
     */
    public String settingsUrl(String baseUrl, MacAddress mac, Duration lifetime) {
        // the token is URL-safe base64 (RFC 4648 §5), so it needs no percent-encoding
        return trimmed(baseUrl) + MOUNT + '/' + mac.value() + ".xml?" + TOKEN_PARAMETER + '='
                + tokens.issue(mac, lifetime);
    }

    private static String trimmed(String baseUrl) {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
