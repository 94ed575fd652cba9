package org.switchboard.core.spi.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The call features' data: each user's forwarding, do-not-disturb and follow-me, the hunt groups,
 * and the options (voicemail URI templates, feature codes). Every change increases the {@link
 * #revision}, which running servers poll to reload. <b>Every method blocks</b> (database I/O).
 * Thread-safe.
 */
public interface CallFeatureStore {

    /** Every user's features, by domain and user. */
    List<UserFeatures> userFeatures();

    /** One user's features, or empty when none is set. */
    Optional<UserFeatures> userFeatures(String domain, String user);

    /** Replaces a user's features; features with nothing set ({@link UserFeatures#isEmpty}) are removed. */
    void saveUserFeatures(UserFeatures features);

    /** Every group, by domain and name. */
    List<HuntGroup> groups();

    /** Adds a group, or replaces the domain's group of the same name. */
    void saveGroup(HuntGroup group);

    /** @return whether the domain had a group of that name */
    boolean removeGroup(String domain, String name);

    /** The options by name; an option not in the map has its default. */
    Map<String, String> options();

    /** Sets an option, or removes it (back to its default) when {@code value} is {@code null}. */
    void setOption(String name, String value);

    /** A number that changes with every change above, to tell whether what a server holds is stale. */
    long revision();
}
