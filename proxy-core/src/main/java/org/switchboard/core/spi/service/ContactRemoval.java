package org.switchboard.core.spi.service;

import java.util.concurrent.CompletionStage;
import org.switchboard.core.location.AddressOfRecord;

/**
 * Removes one registered contact before it expires, as if its phone had unregistered it: a NAT
 * gateway drops the binding of a flow that stopped answering its keep-alives. Implemented by the
 * registrar, which publishes the removal as {@code Unregistered}; wired in by the server.
 *
 * <p>Never blocks: the removal is written by the registrar's own writer and the stage completes once
 * it is durable. Thread-safe.
 */
@FunctionalInterface
public interface ContactRemoval {

    /**
     * Removes the bindings of {@code contactUri} under {@code aor}.
     *
     * @return completes with whether a binding was removed (none when it expired or was replaced
     *     meanwhile), or exceptionally when the registrar cannot write it now
     */
    CompletionStage<Boolean> remove(AddressOfRecord aor, String contactUri);
}
