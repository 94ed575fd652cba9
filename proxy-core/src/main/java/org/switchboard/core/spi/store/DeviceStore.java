package org.switchboard.core.spi.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The phone inventory's storage. MACs are canonical ({@link DeviceMacs#canonical}). <b>Every method
 * blocks</b> (database I/O); call from a blocking executor or the command line. Thread-safe.
 */
public interface DeviceStore {

    /** The device with this MAC and its lines. */
    Optional<Device> find(String mac);

    /** All devices with their lines, by MAC. */
    List<Device> list();

    /**
     * Adds a device (its lines are ignored; see {@link #assign}).
     *
     * @param encryptedAdminPassword the vault ciphertext of its web admin password
     * @return false if a device with this MAC exists already, which is then left unchanged
     */
    boolean add(Device device, String encryptedAdminPassword);

    /**
     * Records a plug-and-play request of a known device: its reported vendor, model, firmware and
     * address, {@code at} as last seen (and as first seen if it was never seen before).
     *
     * @return false if no device has the sighting's MAC
     */
    boolean recordSighting(Sighting sighting, Instant at);

    /**
     * Records that the device fetched its settings from {@code ipAddress} at {@code at}.
     *
     * @return false if no device has this MAC
     */
    boolean recordProvisioned(String mac, String ipAddress, Instant at);

    /**
     * Puts a user on a line of a device, replacing whoever was on that line.
     *
     * @return false if no device has this MAC
     * @throws org.switchboard.core.spi.store.StoreException if the user does not exist
     */
    boolean assign(String mac, DeviceLine line);

    /**
     * Takes every line of a device away from its users; the device stays.
     *
     * @return false if no device has this MAC
     */
    boolean unassign(String mac);

    /**
     * Deletes a device and its lines.
     *
     * @return whether there was one
     */
    boolean remove(String mac);

    /** The vault ciphertext of the device's web admin password. */
    Optional<String> encryptedAdminPassword(String mac);

    /** How many devices have at least one assigned line. */
    int assignedCount();

    /** The firmware image URL set for phones of {@code model}. */
    Optional<String> firmwareUrl(String model);

    /** Every model with a firmware image URL, by model. */
    Map<String, String> firmware();

    /** Sets the firmware image URL of {@code model}, replacing any set before. */
    void setFirmware(String model, String url);

    /**
     * Removes the firmware image URL of {@code model}.
     *
     * @return whether one was set
     */
    boolean clearFirmware(String model);
}
