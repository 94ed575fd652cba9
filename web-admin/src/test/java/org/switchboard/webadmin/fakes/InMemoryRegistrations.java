package org.switchboard.webadmin.fakes;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.webadmin.directory.RegistrationListing;

/** Bindings in a list that tests fill, removed as the registrar would. Thread-safe. */
public final class InMemoryRegistrations implements RegistrationListing {
    /** The bindings, live or not; tests add to it. */
    public final List<Binding> bindings = new CopyOnWriteArrayList<>();

    @Override
    public List<Binding> bindings() {
        return List.copyOf(bindings);
    }

    @Override
    public CompletionStage<Boolean> unregister(AddressOfRecord aor, String key) {
        return CompletableFuture.completedFuture(bindings.removeIf(b -> b.aor().equals(aor) && b.key().equals(key)));
    }
}
