package org.switchboard.registrar.binding;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.event.EventBus;
import org.switchboard.core.spi.event.SwitchboardEvent;
import org.switchboard.core.spi.service.BindingsService;
import org.switchboard.core.spi.store.Binding;

/**
 * The registrar's bindings as the plugins' {@link BindingsService}: listings from the in-memory
 * location service, removal through the binding writer like any other change, published as
 * {@code Unregistered} (not expired) once durable.
 *
 * <p>Threading: as {@link BindingsService}. Thread-safe.
 */
public final class RegistrarBindings implements BindingsService {
    private static final Comparator<Binding> BY_DOMAIN_AND_USER = Comparator
            .comparing((Binding b) -> b.aor().host())
            .thenComparing(b -> b.aor().user() == null ? "" : b.aor().user());

    private final InMemoryLocationService location;
    private final BindingWriter writer;
    private final EventBus events;
    private final Clock clock;

    public RegistrarBindings(InMemoryLocationService location, BindingWriter writer, EventBus events, Clock clock) {
        this.location = location;
        this.writer = writer;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<Binding> of(AddressOfRecord aor) {
        return location.bindings(aor);
    }

    @Override
    public List<Binding> inDomain(String domain) {
        String host = domain.toLowerCase(Locale.ROOT);
        List<Binding> found = new ArrayList<>();
        for (Binding b : location.all()) {
            if (b.aor().host().equalsIgnoreCase(host)) {
                found.add(b);
            }
        }
        found.sort(BY_DOMAIN_AND_USER);
        return found;
    }

    @Override
    public List<Binding> all() {
        List<Binding> all = new ArrayList<>(location.all());
        all.sort(BY_DOMAIN_AND_USER);
        return all;
    }

    @Override
    public CompletionStage<Boolean> unregister(AddressOfRecord aor, String key) {
        return writer.remove(aor, key).thenApply(outcome -> {
            List<Binding> removed = outcome.changes().removals();
            for (Binding b : removed) {
                events.publish(new SwitchboardEvent.Unregistered(clock.instant(), b.aor().toString(),
                        b.contactUri(), false));
            }
            return !removed.isEmpty();
        });
    }
}
