package org.switchboard.core.spi.service;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.store.Binding;

/**
 * The registrar's live bindings (RFC 3261 §10) as plugins see them: who is registered where, with the
 * flow each REGISTER came on (transport, local and remote address, connection) and its user agent,
 * for keep-alives towards phones and for the admin's registration list. Implemented by the
 * registrar; wired in by the server.
 *
 * <p><b>Threading:</b> the listings answer from memory and never block, so they may be called on an
 * event loop. {@link #unregister} goes through the registrar's binding writer and completes once the
 * removal is durable, on the writer's thread. Thread-safe.
 */
public interface BindingsService {

    /** The live bindings of {@code aor}, highest q first. */
    List<Binding> of(AddressOfRecord aor);

    /** The live bindings of every address-of-record in {@code domain} (case-insensitive), by user. */
    List<Binding> inDomain(String domain);

    /** Every live binding, by domain and user. */
    List<Binding> all();

    /**
     * Removes the binding of {@code aor} whose {@link Binding#key()} is {@code key}, as an expiry would:
     * from memory and the store, published as {@code Unregistered} once durable.
     *
     * @return whether there was such a live binding
     */
    CompletionStage<Boolean> unregister(AddressOfRecord aor, String key);
}
