package org.switchboard.pnp.devices;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.spi.service.DevicesService;
import org.switchboard.core.spi.service.UserAccounts;
import org.switchboard.core.spi.store.Device;
import org.switchboard.core.spi.store.DeviceLine;
import org.switchboard.core.spi.store.User;
import org.switchboard.pnp.MacAddress;
import org.switchboard.pnp.settings.PhoneSettingsModel;
import org.switchboard.pnp.settings.PhoneSettingsModel.BusyLampKey;
import org.switchboard.pnp.settings.PhoneSettingsModel.DirectoryEntry;
import org.switchboard.pnp.settings.PhoneSettingsModel.Line;

/**
 * Builds the settings of an assigned phone: one SIP account per assigned line (user name, display
 * name, decrypted password, the domain as registrar, this server as outbound proxy), the phone's
 * own web admin password, busy-lamp keys for the first colleagues of the first line's domain and
 * the domain's users as company directory, and the firmware image set for its model ({@code
 * switchboard device firmware}). A line whose user is disabled is left out; a phone
 * with no line left gets no settings.
 *
 * <p>Blocking (database and vault): waits for the {@link DevicesService}, so never call it on the
 * executor that service runs on; thread-safe.
 */
public final class PhoneSettingsAssembler {
    private static final Logger LOG = LoggerFactory.getLogger(PhoneSettingsAssembler.class);
    private static final int SIP_DEFAULT_PORT = 5060;

    private final DevicesService devices;
    private final UserAccounts users;
    private final String outboundProxy;
    private final ProvisioningDefaults defaults;

    /**
     * @param outboundProxy {@code host:port} phones send all SIP to ({@code user_outbound}), or
     *     {@code null} to let them find the server from the domain
     */
    public PhoneSettingsAssembler(DevicesService devices, UserAccounts users, String outboundProxy,
            ProvisioningDefaults defaults) {
        this.devices = devices;
        this.users = users;
        this.outboundProxy = outboundProxy;
        this.defaults = defaults;
    }

    /**
     * What phones put in {@code user_outbound}: the server's one listen address and SIP port, the
     * port left out when it is 5060; otherwise nothing, and phones reach the server through their
     * domain name ({@code user_host}), which must then resolve to it on port 5060. The SIP port
     * alone is not enough for the domain case, so a non-default port with a wildcard listen address
     * cannot be expressed here and phones need DNS SRV records.
     *
     * @return {@code host:port}, or {@code null}
     */
    public static String outboundProxy(Optional<InetSocketAddress> soleListenAddress) {
        if (soleListenAddress.isEmpty()) {
            return null;
        }
        InetSocketAddress listen = soleListenAddress.get();
        String host = listen.getAddress() instanceof Inet6Address ? "[" + listen.getAddress().getHostAddress() + "]"
                : listen.getAddress().getHostAddress();
        return listen.getPort() == SIP_DEFAULT_PORT ? host : host + ":" + listen.getPort();
    }

    /** The settings of the phone, or empty if it is unknown or has no enabled user on a line. */
    public Optional<PhoneSettingsModel> settingsFor(MacAddress mac) {
        Optional<Device> found = Await.result(devices.find(mac.value()));
        if (found.isEmpty() || !found.get().assigned()) {
            return Optional.empty();
        }
        Device device = found.get();
        List<Line> lines = new ArrayList<>();
        for (DeviceLine line : device.lines()) {
            Optional<User> user = users.user(line.domain(), line.userName()).filter(User::enabled);
            if (user.isEmpty()) {
                LOG.info("PnP: line {} of phone {} is left out: user {} is disabled", line.line(), mac, line.address());
                continue;
            }
            lines.add(new Line(line.userName(), displayName(user.get()), users.password(line.domain(), line.userName()),
                    line.domain(), outboundProxy, defaults.expirySeconds()));
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        List<User> colleagues = users.users(device.lines().get(0).domain()).stream().filter(User::enabled).toList();
        return Optional.of(new PhoneSettingsModel(new PhoneSettingsModel.Device(mac, device.model()), lines,
                defaults.language(), defaults.timezone(), defaults.ntpServer(), Await.result(devices.adminPassword(mac.value())),
                busyLampKeys(colleagues, device), directory(colleagues),
                Await.result(devices.firmwareUrl(device.model())).orElse(null)));
    }

    private List<BusyLampKey> busyLampKeys(List<User> colleagues, Device device) {
        return colleagues.stream()
                .filter(u -> device.lines().stream()
                        .noneMatch(l -> l.userName().equals(u.name()) && l.domain().equals(u.domain())))
                .limit(defaults.busyLampKeys())
                .map(u -> new BusyLampKey(displayName(u), u.name(), u.domain(), defaults.pickupPrefix()))
                .toList();
    }

    private static List<DirectoryEntry> directory(List<User> colleagues) {
        return colleagues.stream().map(u -> new DirectoryEntry(displayName(u), u.name())).toList();
    }

    private static String displayName(User user) {
        return user.displayName() == null ? user.name() : user.displayName();
    }
}
