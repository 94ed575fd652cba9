package org.switchboard.server.devices;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.switchboard.core.spi.service.UserAccounts;
import org.switchboard.pnp.devices.DeviceRegistry;
import org.switchboard.pnp.devices.PhoneSettingsAssembler;
import org.switchboard.pnp.devices.ProvisioningDefaults;
import org.switchboard.pnp.devices.StoreDeviceInventory;
import org.switchboard.pnp.inventory.DeviceInventory;
import org.switchboard.server.config.ServerConfig;

/** Builds the server's {@link DeviceInventory} from its configuration, phone inventory and users. Stateless. */
public final class DeviceInventories {
    private static final int SIP_DEFAULT_PORT = 5060;

    private DeviceInventories() {
    }

    /**
     * The inventory over the phones and users of a started server, with the {@link
     * ProvisioningDefaults#standard() standard defaults}.
     */
    public static DeviceInventory create(ServerConfig config, DeviceRegistry devices, UserAccounts users) {
        PhoneSettingsAssembler settings = new PhoneSettingsAssembler(devices, users,
                outboundProxy(config.listenAddresses(), config.sipPort()), ProvisioningDefaults.standard());
        return new StoreDeviceInventory(devices, users, config.pnp().assignment(), config.pnp().extensions(),
                settings);
    }

    /**
     * What phones put in {@code user_outbound}: the listen address and port when the server listens
     * on exactly one specific address; otherwise nothing, and phones reach the server through their
     * domain name ({@code user_host}), which must then resolve to it on port 5060. The SIP port
     * alone is not enough for the domain case, so a non-default port with a wildcard listen address
     * cannot be expressed here and phones need DNS SRV records.
     *
     * @return {@code host:port}, or {@code null}
     */
    static String outboundProxy(List<InetAddress> listen, int sipPort) {
        if (listen.size() != 1 || listen.get(0).isAnyLocalAddress()) {
            return null;
        }
        InetAddress address = listen.get(0);
        String host = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        return sipPort == SIP_DEFAULT_PORT ? host : host + ":" + sipPort;
    }
}
