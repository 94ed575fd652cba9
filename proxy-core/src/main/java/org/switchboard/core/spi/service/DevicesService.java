package org.switchboard.core.spi.service;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.switchboard.core.spi.store.Device;
import org.switchboard.core.spi.store.DeviceLine;
import org.switchboard.core.spi.store.Sighting;

/**
 * The phone inventory of plug-and-play: as an admin manages it (list the phones, assign a phone's
 * first line to a user, take its assignment away), and as plug-and-play itself uses it (record a
 * phone that asks and one that fetches its settings, give a phone the next free extension, read what
 * its settings file needs). Implemented by the pnp module over the store; wired in by the server.
 *
 * <p><b>Threading:</b> every method reads or writes the database on a bounded blocking executor and
 * returns at once; the stage completes there. Errors the admin can fix fail the stage with a {@link
 * org.switchboard.core.spi.store.DeviceException} or {@link
 * org.switchboard.core.spi.store.DirectoryException} naming the problem. Thread-safe.
 */
public interface DevicesService {

    /** All phones, by MAC. */
    CompletionStage<List<Device>> list();

    /** The phone with this MAC (any common spelling), if it is in the inventory. */
    CompletionStage<Optional<Device>> find(String mac);

    /**
     * Assigns line 1 of the phone to the existing user {@code name@domain}, adding the phone to the
     * inventory if it was never seen.
     *
     * @return the phone as now stored
     */
    CompletionStage<Device> assign(String mac, String domain, String name);

    /**
     * Takes every line assignment from the phone; it stays in the inventory as discovered and gets no
     * settings until assigned again. Its users stay.
     *
     * @return the phone as now stored
     */
    CompletionStage<Device> unassign(String mac);

    /**
     * Records that a phone asked for its settings: a phone not known yet is added as discovered
     * (with a generated admin password for its own web interface), a known one gets its last-seen
     * time, address and firmware updated.
     *
     * @return the phone as now stored
     */
    CompletionStage<Device> recordSighting(Sighting sighting);

    /** Records that the phone fetched its settings file from {@code ipAddress}. */
    CompletionStage<Void> recordProvisioned(String mac, String ipAddress);

    /** How many phones are assigned to a user and so get settings. */
    CompletionStage<Integer> assignedCount();

    /**
     * Gives the phone's line 1 the lowest extension from {@code first} to {@code last} that is no
     * user of {@code domain} yet, creating that user with a generated password.
     *
     * @return the line as assigned; the stage fails with a {@link
     *     org.switchboard.core.spi.store.DeviceException} when every extension of the range is taken
     */
    CompletionStage<DeviceLine> assignNextFree(String mac, String domain, int first, int last);

    /** The password of the phone's own web interface, decrypted, for its settings file. */
    CompletionStage<String> adminPassword(String mac);

    /** The firmware image set for a model ({@code switchboard device firmware}), if any. */
    CompletionStage<Optional<String>> firmwareUrl(String model);
}
