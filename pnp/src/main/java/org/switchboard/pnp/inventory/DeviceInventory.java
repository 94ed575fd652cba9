package org.switchboard.pnp.inventory;

import java.util.concurrent.CompletionStage;
import org.switchboard.pnp.http.FetchRecorder;
import org.switchboard.pnp.http.ProvisioningSource;
import org.switchboard.pnp.subscribe.PnpSubscription;

/**
 * The device database as plug-and-play sees it: the settings of each phone an admin assigned
 * (through {@link ProvisioningSource#settingsFor}), how many are assigned, and a record of every
 * phone that asks ({@link #recordSubscription}) or fetches its settings ({@link
 * FetchRecorder#recordProvisioned}). The plugin builds it over the devices and users services.
 *
 * <p>{@link #recordSubscription} returns at once; every other method blocks (a database) and is
 * called on Jetty's pool and at plugin start, possibly from several threads at once.
 */
public interface DeviceInventory extends ProvisioningSource, FetchRecorder {

    /** How many phones are assigned to a user and so get settings. */
    int assignedCount();

    /**
     * Records a phone's plug-and-play SUBSCRIBE: a phone not known yet is added as discovered, and
     * the server's policy for discovered phones may assign it at once. The plugin sends the phone
     * its settings URL only when the stage completes, so an assignment made here is served on the
     * phone's first fetch.
     *
     * @return completes once recorded (and assigned, if the policy says so); fails if the phone
     *     could not be recorded (the database failed, or the blocking executor is saturated)
     */
    CompletionStage<Void> recordSubscription(PnpSubscription subscription);
}
