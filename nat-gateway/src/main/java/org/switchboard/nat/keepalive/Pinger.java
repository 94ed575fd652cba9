package org.switchboard.nat.keepalive;

import java.util.function.Consumer;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.transport.Flow;

/**
 * Sends one keep-alive over a flow and tells whether it was answered.
 *
 * <p>Threading: may be called from any thread; never blocks. The outcome may be reported on any
 * thread, exactly once.
 */
@FunctionalInterface
public interface Pinger {

    /**
     * Pings {@code contactUri} of {@code aor} over {@code flow}.
     *
     * @param answered takes {@code true} once any response came back, {@code false} when none did
     *     in time or the ping could not be sent
     */
    void ping(AddressOfRecord aor, String contactUri, Flow flow, Consumer<Boolean> answered);
}
