package org.switchboard.nat.detect;

import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.transport.Flow;

/**
 * Told, for each contact of a REGISTER, whether it is registered from behind a NAT: the keep-alives
 * follow the NATed ones. Called on the REGISTER's shard; must not block.
 */
public interface NatedRegistrations {
    /** Nobody listens. */
    NatedRegistrations NONE = new NatedRegistrations() {
        @Override
        public void nated(AddressOfRecord aor, String contact, Flow flow) {
        }

        @Override
        public void notNated(AddressOfRecord aor, String contact) {
        }
    };

    /** {@code contact} of {@code aor} registers from behind a NAT over {@code flow}. */
    void nated(AddressOfRecord aor, String contact, Flow flow);

    /** {@code contact} of {@code aor} registers not from behind a NAT. */
    void notNated(AddressOfRecord aor, String contact);
}
