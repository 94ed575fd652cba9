package org.switchboard.core.spi.datagram;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.Consumer;
import org.switchboard.core.transport.DatagramTap;
import org.switchboard.core.transport.Flow;

/**
 * A plugin's {@link DatagramClaim} as the transports take it: the engine-side adapter of the datagram
 * demultiplexer. Named after the claim's class in the transports' log. Immutable.
 */
public final class ClaimTap implements DatagramTap {
    private final DatagramClaim claim;

    public ClaimTap(DatagramClaim claim) {
        this.claim = Objects.requireNonNull(claim, "claim");
    }

    @Override
    public boolean offer(ByteBuffer datagram, Flow flow, Consumer<ByteBuffer> reply) {
        return claim.claim(datagram, flow, reply::accept);
    }

    @Override
    public String toString() {
        return claim.getClass().getName();
    }
}
