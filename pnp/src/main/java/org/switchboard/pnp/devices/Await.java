package org.switchboard.pnp.devices;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Waits for a service's stage where plug-and-play must block anyway (Jetty's threads serving a
 * settings file), never on the executor that completes it. Stateless.
 */
final class Await {

    private Await() {
    }

    /**
     * The stage's result.
     *
     * @throws RuntimeException the stage's own failure (a {@link
     *     org.switchboard.core.spi.store.DeviceException}, a store failure, a rejection), unwrapped
     */
    static <T> T result(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            throw unwrap(e);
        }
    }

    /** The failure a {@link CompletionException} carries, as an unchecked exception. */
    static RuntimeException unwrap(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
    }
}
