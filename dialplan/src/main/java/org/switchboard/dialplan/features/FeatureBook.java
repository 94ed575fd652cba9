package org.switchboard.dialplan.features;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.spi.store.HuntGroup;
import org.switchboard.core.spi.store.UserFeatures;
import org.switchboard.dialplan.groups.Group;

/**
 * Everything the feature router reads per call, from memory: the users' features, the groups, the
 * mailboxes and the feature codes, as of one revision of the store. Entries that do not parse (the
 * commands check them, but the database may have been written otherwise) are left out with a
 * warning. Immutable; replaced as a whole when the store changes.
 */
public final class FeatureBook {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureBook.class);

    private final Map<String, UserCallFeatures> users;
    private final Map<String, Group> groups;
    private final Voicemail voicemail;
    private final FeatureCodes codes;
    private final long revision;

    private FeatureBook(Map<String, UserCallFeatures> users, Map<String, Group> groups, Voicemail voicemail,
            FeatureCodes codes, long revision) {
        this.users = Map.copyOf(users);
        this.groups = Map.copyOf(groups);
        this.voicemail = voicemail;
        this.codes = codes;
        this.revision = revision;
    }

    /** A book with nothing set: default codes, no mailbox. */
    public static FeatureBook empty() {
        return new FeatureBook(Map.of(), Map.of(), Voicemail.of(Map.of()), FeatureCodes.of(Map.of()), -1);
    }

    /** Compiles the store's contents of {@code revision}. */
    public static FeatureBook compile(List<UserFeatures> users, List<HuntGroup> groups, Map<String, String> options,
            long revision) {
        Map<String, UserCallFeatures> byUser = new HashMap<>();
        for (UserFeatures stored : users) {
            try {
                byUser.put(key(stored.user(), stored.domain()), UserCallFeatures.of(stored));
            } catch (IllegalArgumentException e) {
                LOG.warn("Call features of {}@{} ignored: {}", stored.user(), stored.domain(), e.getMessage());
            }
        }
        Map<String, Group> byName = new HashMap<>();
        for (HuntGroup stored : groups) {
            try {
                byName.put(key(stored.name(), stored.domain()), Group.of(stored));
            } catch (IllegalArgumentException e) {
                LOG.warn("Group {}@{} ignored: {}", stored.name(), stored.domain(), e.getMessage());
            }
        }
        Voicemail mailboxes;
        try {
            mailboxes = Voicemail.of(options);
        } catch (IllegalArgumentException e) {
            LOG.warn("Voicemail off: {}", e.getMessage());
            mailboxes = Voicemail.of(Map.of());
        }
        FeatureCodes featureCodes;
        try {
            featureCodes = FeatureCodes.of(options);
        } catch (IllegalArgumentException e) {
            LOG.warn("Feature codes at their defaults: {}", e.getMessage());
            featureCodes = FeatureCodes.of(Map.of());
        }
        return new FeatureBook(byUser, byName, mailboxes, featureCodes, revision);
    }

    private static String key(String user, String domain) {
        return user + "@" + domain.toLowerCase(Locale.ROOT);
    }

    /** The features of {@code user} in {@code domain} (lower case), or {@code null}. */
    public UserCallFeatures user(String user, String domain) {
        return users.get(key(user, domain));
    }

    /** The group {@code name} of {@code domain} (lower case), or {@code null}. */
    public Group group(String name, String domain) {
        return groups.get(key(name, domain));
    }

    public Voicemail voicemail() {
        return voicemail;
    }

    public FeatureCodes codes() {
        return codes;
    }

    public long revision() {
        return revision;
    }

    /** How many users have features and how many groups there are, for the log. */
    public String describe() {
        return users.size() + " users with call features, " + groups.size() + " groups";
    }
}
