package org.switchboard.dialplan.features;

import java.util.concurrent.CompletionStage;
import org.switchboard.core.location.AddressOfRecord;

/** Saves what a feature code changes. */
@FunctionalInterface
public interface FeatureChanges {

    /**
     * Makes {@code change} to the features of {@code user}, durably, and in force for the next call.
     * Never blocks: the stage completes once saved, on another thread.
     */
    CompletionStage<Void> apply(AddressOfRecord user, FeatureChange change);
}
