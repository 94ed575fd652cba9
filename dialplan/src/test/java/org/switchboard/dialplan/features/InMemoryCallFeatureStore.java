package org.switchboard.dialplan.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.switchboard.core.spi.store.CallFeatureStore;
import org.switchboard.core.spi.store.HuntGroup;
import org.switchboard.core.spi.store.UserFeatures;

/** A {@link CallFeatureStore} in memory for the plugin's tests. Thread-safe. */
final class InMemoryCallFeatureStore implements CallFeatureStore {
    private final Map<String, UserFeatures> users = new HashMap<>();
    private final Map<String, HuntGroup> groups = new HashMap<>();
    private final Map<String, String> options = new HashMap<>();
    private final AtomicLong revision = new AtomicLong();

    @Override
    public synchronized List<UserFeatures> userFeatures() {
        return new ArrayList<>(users.values());
    }

    @Override
    public synchronized Optional<UserFeatures> userFeatures(String domain, String user) {
        return Optional.ofNullable(users.get(user + "@" + domain));
    }

    @Override
    public synchronized void saveUserFeatures(UserFeatures features) {
        String key = features.user() + "@" + features.domain();
        if (features.isEmpty()) {
            users.remove(key);
        } else {
            users.put(key, features);
        }
        revision.incrementAndGet();
    }

    @Override
    public synchronized List<HuntGroup> groups() {
        return new ArrayList<>(groups.values());
    }

    @Override
    public synchronized void saveGroup(HuntGroup group) {
        groups.put(group.name() + "@" + group.domain(), group);
        revision.incrementAndGet();
    }

    @Override
    public synchronized boolean removeGroup(String domain, String name) {
        revision.incrementAndGet();
        return groups.remove(name + "@" + domain) != null;
    }

    @Override
    public synchronized Map<String, String> options() {
        return new HashMap<>(options);
    }

    @Override
    public synchronized void setOption(String name, String value) {
        if (value == null) {
            options.remove(name);
        } else {
            options.put(name, value);
        }
        revision.incrementAndGet();
    }

    @Override
    public long revision() {
        return revision.get();
    }
}
