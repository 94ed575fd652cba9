package org.switchboard.store.bindings;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.core.spi.store.BindingChanges;
import org.switchboard.core.spi.store.BindingStore;
import org.switchboard.core.spi.store.StoreException;

/**
 * A {@link BindingStore} wrapper for tests: counts commits (durable or not) and forces, can be made
 * slow (like a disk that syncs) or to fail the next commits and forces.
 */
public final class CountingBindingStore implements BindingStore {
    private final BindingStore delegate;
    private final AtomicInteger commits = new AtomicInteger();
    private final AtomicInteger forces = new AtomicInteger();
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile long commitMillis;

    public CountingBindingStore(BindingStore delegate) {
        this.delegate = delegate;
    }

    public int commits() {
        return commits.get();
    }

    public int forces() {
        return forces.get();
    }

    public void failCommits(boolean fail) {
        failing.set(fail);
    }

    public void slowCommits(long millis) {
        commitMillis = millis;
    }

    @Override
    public List<Binding> loadAll() {
        return delegate.loadAll();
    }

    @Override
    public void apply(List<BindingChanges> changes) {
        beforeWrite();
        delegate.apply(changes);
        commits.incrementAndGet();
    }

    @Override
    public void applyUnforced(List<BindingChanges> changes) {
        beforeWrite();
        delegate.applyUnforced(changes);
        commits.incrementAndGet();
    }

    @Override
    public void force() {
        if (failing.get()) {
            throw new StoreException("disk full (test)", null);
        }
        delegate.force();
        forces.incrementAndGet();
    }

    private void beforeWrite() {
        if (failing.get()) {
            throw new StoreException("disk full (test)", null);
        }
        if (commitMillis > 0) {
            try {
                Thread.sleep(commitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
