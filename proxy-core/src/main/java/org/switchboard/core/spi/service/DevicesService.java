package org.switchboard.core.spi.service;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.switchboard.core.spi.store.Device;

/**
 * The phone inventory of plug-and-play as an admin manages it: list the phones, assign a phone's
 * first line to a user, take its assignment away. Implemented by the pnp module over the store;
 * wired in by the server.
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
}
