package org.switchboard.core.spi.store;

import java.util.List;

/**
 * Bindings to write and bindings to delete, the result of one registration or one expiry sweep.
 * Immutable.
 */
public record BindingChanges(List<Binding> upserts, List<Binding> removals) {
    public static final BindingChanges NONE = new BindingChanges(List.of(), List.of());

    public BindingChanges {
        upserts = List.copyOf(upserts);
        removals = List.copyOf(removals);
    }

    public boolean isEmpty() {
        return upserts.isEmpty() && removals.isEmpty();
    }
}
