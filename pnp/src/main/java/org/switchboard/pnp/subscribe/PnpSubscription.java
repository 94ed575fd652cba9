package org.switchboard.pnp.subscribe;

import java.util.Objects;
import org.switchboard.core.message.NameAddr;
import org.switchboard.core.transport.Flow;
import org.switchboard.pnp.MacAddress;

/**
 * A phone asking for its settings: what a {@code ua-profile} SUBSCRIBE said about the device and
 * where it came from. Immutable.
 *
 * @param mac the device's MAC from the Request-URI user part
 * @param vendor the Event header's {@code vendor} parameter, or {@code ""} if absent
 * @param model the Event header's {@code model} parameter (e.g. {@code snomD785}), or {@code ""}
 * @param firmwareVersion the Event header's {@code version} parameter, or {@code ""}
 * @param contact the phone's Contact, target of the NOTIFY (RFC 3261 §12.1.1)
 * @param flow the transport, local and remote address the SUBSCRIBE arrived on
 */
public record PnpSubscription(MacAddress mac, String vendor, String model, String firmwareVersion,
        NameAddr contact, Flow flow) {

    public PnpSubscription {
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(firmwareVersion, "firmwareVersion");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(flow, "flow");
    }
}
