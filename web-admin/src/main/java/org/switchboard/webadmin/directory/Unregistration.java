package org.switchboard.webadmin.directory;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.store.Binding;

/**
 * Removing one registration, the same for the page and the API: find the live binding, ask the
 * registrar to remove it and wait until that is durable, describe it for the audit log. Blocks the
 * calling (HTTP pool) thread for at most the given wait. Stateless.
 */
public final class Unregistration {

    private Unregistration() {
    }

    /** The live binding of {@code aor} with {@code key}, if there is one now. */
    public static Optional<Binding> find(RegistrationListing listing, AddressOfRecord aor, String key, Instant now) {
        return listing.bindings().stream()
                .filter(b -> b.aor().equals(aor) && b.key().equals(key) && b.isLive(now))
                .findFirst();
    }

    /**
     * Removes the binding and waits for the registrar.
     *
     * @return whether it was still there (it may have expired or been replaced meanwhile)
     * @throws IllegalStateException when the registrar failed or did not answer within {@code wait}
     */
    public static boolean remove(RegistrationListing listing, Binding binding, Duration wait) {
        try {
            return listing.unregister(binding.aor(), binding.key()).toCompletableFuture()
                    .get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the registrar removed " + binding.contactUri(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the registrar could not remove " + binding.contactUri() + ": "
                    + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the registrar did not remove " + binding.contactUri() + " within "
                    + wait.toSeconds() + " s", e);
        }
    }

    /** The binding as the audit log records it. */
    public static Map<String, String> describe(Binding binding) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("contact", binding.contactUri());
        m.put("source", binding.flow().remote().getAddress().getHostAddress() + ":" + binding.flow().remote().getPort());
        m.put("transport", binding.flow().transport().name());
        m.put("userAgent", binding.userAgent() == null ? "" : binding.userAgent());
        return m;
    }
}
