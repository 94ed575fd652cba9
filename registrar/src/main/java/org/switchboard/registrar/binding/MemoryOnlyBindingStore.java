package org.switchboard.registrar.binding;

import java.util.List;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.core.spi.store.BindingChanges;
import org.switchboard.core.spi.store.BindingStore;

/**
 * The binding store of {@link org.switchboard.registrar.Persistence#MEMORY}: keeps nothing, so the
 * location service's memory is the only copy. Never blocks; thread-safe (stateless).
 */
public final class MemoryOnlyBindingStore implements BindingStore {

    @Override
    public List<Binding> loadAll() {
        return List.of();
    }

    @Override
    public void apply(List<BindingChanges> changes) {
        // nothing to keep: memory is the only copy in this mode
    }
}
