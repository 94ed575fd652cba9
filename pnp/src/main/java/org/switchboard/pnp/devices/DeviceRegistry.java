package org.switchboard.pnp.devices;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.spi.service.NewCredentials;
import org.switchboard.core.spi.service.SecretVault;
import org.switchboard.core.spi.service.UserAccounts;
import org.switchboard.core.spi.store.Device;
import org.switchboard.core.spi.store.DeviceException;
import org.switchboard.core.spi.store.DeviceLine;
import org.switchboard.core.spi.store.DeviceMacs;
import org.switchboard.core.spi.store.DeviceStore;
import org.switchboard.core.spi.store.DirectoryException;
import org.switchboard.core.spi.store.Sighting;
import org.switchboard.core.spi.store.User;

/**
 * The phone inventory as the CLI, the web admin and provisioning use it: records phones that ask
 * for their settings, assigns users to their lines, and keeps each phone's web admin password.
 *
 * <p>The admin password is generated once, when the device record is created (by the password
 * source the server wires in, the accounts' generator), and stored encrypted with the {@link
 * SecretVault} bound to the device, like SIP passwords; it stays the same across provisionings
 * and is rotated by removing and re-adding the device.
 *
 * <p>Errors the admin can fix are {@link DeviceException}s or {@link DirectoryException}s naming
 * the problem. <b>Every method blocks</b> on the database; call from a blocking executor or the
 * command line. Thread-safe (no state of its own).
 */
public final class DeviceRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceRegistry.class);

    /** The widths of the firmware table's columns. */
    private static final int MAX_MODEL_LENGTH = 64;
    private static final int MAX_URL_LENGTH = 2048;

    private final DeviceStore store;
    private final UserAccounts users;
    private final SecretVault vault;
    private final Supplier<String> passwords;
    private final Clock clock;

    /**
     * @param users the users phones' lines are assigned to
     * @param vault encrypts the phones' web admin passwords for the store
     * @param passwords makes a new web admin password for each new phone
     */
    public DeviceRegistry(DeviceStore store, UserAccounts users, SecretVault vault, Supplier<String> passwords,
            Clock clock) {
        this.store = store;
        this.users = users;
        this.vault = vault;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * Records a phone's plug-and-play request; a phone not known yet is added as discovered (no
     * user assigned).
     *
     * @return the device as now stored
     */
    public Device recordSighting(Sighting sighting) {
        Instant now = clock.instant();
        if (!store.recordSighting(sighting, now)) {
            Device discovered = new Device(sighting.mac(), sighting.vendor(), sighting.model(),
                    sighting.firmwareVersion(), sighting.ipAddress(), now, now, null, List.of());
            if (store.add(discovered, sealedAdminPassword(sighting.mac()))) {
                LOG.info("New phone {} discovered at {}: {} {}, firmware {}", sighting.mac(), sighting.ipAddress(),
                        orUnknown(sighting.vendor()), orUnknown(sighting.model()), orUnknown(sighting.firmwareVersion()));
            } else {
                // added by a concurrent request of the same phone
                store.recordSighting(sighting, now);
            }
        }
        return store.find(sighting.mac()).orElseThrow(() -> unknownDevice(sighting.mac()));
    }

    /** Records that a phone fetched its settings (with its account data) from {@code ipAddress}. */
    public void recordProvisioned(String mac, String ipAddress) {
        if (!store.recordProvisioned(DeviceMacs.canonical(mac), ipAddress, clock.instant())) {
            LOG.warn("Phone {} fetched its settings but is no longer in the inventory", mac);
        }
    }

    /**
     * Assigns the user {@code name@domain} to the phone's first line. A MAC not known yet is added
     * (pre-provisioning), so the phone is served when it first asks.
     *
     * @return the device as now stored
     * @throws DeviceException {@link DeviceException.Reason#BAD_MAC}
     * @throws DirectoryException {@link DirectoryException.Reason#UNKNOWN_USER} and the address
     *     errors of the directory
     */
    public Device assign(String mac, String domain, String name) {
        String canonical = DeviceMacs.canonical(mac);
        User user = users.user(domain, name).orElseThrow(() -> new DirectoryException(
                DirectoryException.Reason.UNKNOWN_USER, "User " + name + '@' + domain + " does not exist"));
        if (store.find(canonical).isEmpty()) {
            Device registered = new Device(canonical, "", "", "", null, null, null, null, List.of());
            if (store.add(registered, sealedAdminPassword(canonical))) {
                LOG.info("Phone {} added to the inventory before it was ever seen", canonical);
            }
        }
        DeviceLine line = new DeviceLine(DeviceLine.FIRST, user.domain(), user.name());
        if (!store.assign(canonical, line)) {
            throw unknownDevice(canonical);
        }
        LOG.info("Phone {} line {} assigned to {}", canonical, line.line(), line.address());
        return store.find(canonical).orElseThrow(() -> unknownDevice(canonical));
    }

    /**
     * Assigns a known phone to the lowest extension of {@code range} that is no user of {@code
     * domain} yet, creating that user with a generated password.
     *
     * @return the line assigned
     * @throws DeviceException {@link DeviceException.Reason#RANGE_EXHAUSTED} if every extension is
     *     taken, {@link DeviceException.Reason#UNKNOWN_DEVICE} if the phone is not in the inventory
     */
    public DeviceLine assignNextFree(String mac, String domain, ExtensionRange range) {
        String canonical = DeviceMacs.canonical(mac);
        Set<String> taken = users.users(domain).stream().map(User::name).collect(Collectors.toSet());
        for (int extension = range.first(); extension <= range.last(); extension++) {
            String name = Integer.toString(extension);
            if (taken.contains(name)) {
                continue;
            }
            NewCredentials created;
            try {
                created = users.addUserWithGeneratedPassword(domain, name, null);
            } catch (DirectoryException e) {
                if (e.reason() == DirectoryException.Reason.DUPLICATE_USER) {
                    continue; // taken meanwhile by an admin or another phone
                }
                throw e;
            }
            DeviceLine line = new DeviceLine(DeviceLine.FIRST, created.user().domain(), created.user().name());
            if (!store.assign(canonical, line)) {
                users.removeUser(domain, name);
                throw unknownDevice(canonical);
            }
            LOG.info("Phone {} line {} assigned automatically to the new user {}", canonical, line.line(),
                    line.address());
            return line;
        }
        throw new DeviceException(DeviceException.Reason.RANGE_EXHAUSTED, "Every extension of " + range
                + " in " + domain + " is taken; phone " + canonical + " stays unassigned");
    }

    /**
     * Takes every line of a phone away from its users (the users stay); the phone stays in the
     * inventory as discovered and gets no settings until assigned again.
     *
     * @return the phone as now stored
     * @throws DeviceException {@link DeviceException.Reason#BAD_MAC} or {@link
     *     DeviceException.Reason#UNKNOWN_DEVICE}
     */
    public Device unassign(String mac) {
        String canonical = DeviceMacs.canonical(mac);
        if (!store.unassign(canonical)) {
            throw unknownDevice(canonical);
        }
        LOG.info("Phone {} unassigned: it gets no settings until assigned again", canonical);
        return store.find(canonical).orElseThrow(() -> unknownDevice(canonical));
    }

    /**
     * Removes a phone and its line assignments (not its users).
     *
     * @throws DeviceException {@link DeviceException.Reason#BAD_MAC} or {@link
     *     DeviceException.Reason#UNKNOWN_DEVICE}
     */
    public void remove(String mac) {
        String canonical = DeviceMacs.canonical(mac);
        if (!store.remove(canonical)) {
            throw unknownDevice(canonical);
        }
        LOG.info("Phone {} removed from the inventory", canonical);
    }

    /** All phones, by MAC. */
    public List<Device> list() {
        return store.list();
    }

    /** The phone with this MAC. */
    public Optional<Device> find(String mac) {
        return store.find(DeviceMacs.canonical(mac));
    }

    /** How many phones have a user on at least one line. */
    public int assignedCount() {
        return store.assignedCount();
    }

    /**
     * Sets the firmware image for phones of {@code model} (as they report it, e.g. {@code
     * snomD785}); their settings file then links a firmware file that names it.
     *
     * @throws DeviceException {@link DeviceException.Reason#BAD_FIRMWARE} for an empty model or a
     *     URL that is not an absolute {@code http://} or {@code https://} URL
     */
    public void setFirmware(String model, String url) {
        String m = model.strip();
        if (m.isEmpty() || m.length() > MAX_MODEL_LENGTH) {
            throw new DeviceException(DeviceException.Reason.BAD_FIRMWARE,
                    "Model '" + model + "' must be 1 to " + MAX_MODEL_LENGTH + " characters");
        }
        store.setFirmware(m, validFirmwareUrl(url));
        LOG.info("Firmware for phone model {} set to {}", m, url);
    }

    /**
     * Removes the firmware image of {@code model}.
     *
     * @throws DeviceException {@link DeviceException.Reason#UNKNOWN_FIRMWARE} if none was set
     */
    public void clearFirmware(String model) {
        if (!store.clearFirmware(model.strip())) {
            throw new DeviceException(DeviceException.Reason.UNKNOWN_FIRMWARE,
                    "No firmware is set for model " + model.strip());
        }
        LOG.info("Firmware for phone model {} cleared", model.strip());
    }

    /** The firmware image URL set for phones of {@code model}. */
    public Optional<String> firmwareUrl(String model) {
        return model.isEmpty() ? Optional.empty() : store.firmwareUrl(model);
    }

    /** Every model with a firmware image, by model. */
    public Map<String, String> firmware() {
        return store.firmware();
    }

    private static String validFirmwareUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw badFirmwareUrl(url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || url.length() > MAX_URL_LENGTH) {
            throw badFirmwareUrl(url);
        }
        return url;
    }

    private static DeviceException badFirmwareUrl(String url) {
        return new DeviceException(DeviceException.Reason.BAD_FIRMWARE,
                "Firmware URL '" + url + "' is not an absolute http:// or https:// URL");
    }

    /**
     * The clear-text web admin password of a phone, for its settings file.
     *
     * @throws DeviceException {@link DeviceException.Reason#UNKNOWN_DEVICE}
     */
    public String adminPassword(String mac) {
        String canonical = DeviceMacs.canonical(mac);
        String sealed = store.encryptedAdminPassword(canonical).orElseThrow(() -> unknownDevice(canonical));
        return vault.decrypt(sealed, vaultContext(canonical));
    }

    private String sealedAdminPassword(String mac) {
        return vault.encrypt(passwords.get(), vaultContext(mac));
    }

    /** Binds the ciphertext to the device, so it does not decrypt as a user's password or another device's. */
    private static String vaultContext(String mac) {
        return "device:" + mac;
    }

    private static String orUnknown(String reported) {
        return reported.isEmpty() ? "(not reported)" : reported;
    }

    private static DeviceException unknownDevice(String mac) {
        return new DeviceException(DeviceException.Reason.UNKNOWN_DEVICE, "Device " + mac + " does not exist");
    }
}
