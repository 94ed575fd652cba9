package org.switchboard.core.proxy;

import java.util.ArrayList;
import java.util.List;

/**
 * Assembles the request chain of the core server: validation, local answers, and the final
 * responder. Feature modules (registrar, dial plan) add their processors before the routing end
 * through {@link #chain(LocalAddresses, ServerCapabilities, List)}.
 */
public final class CoreProcessors {
    private CoreProcessors() {
    }

    /** The core chain with no feature processors. */
    public static RequestChain chain(LocalAddresses local, ServerCapabilities capabilities) {
        return chain(local, capabilities, List.of());
    }

    /**
     * The core chain: version, URI scheme and extension checks; local OPTIONS; the given local
     * processors (requests for the server itself, which need no hops left); the Max-Forwards check;
     * then the unroutable responder.
     */
    public static RequestChain chain(LocalAddresses local, ServerCapabilities capabilities,
            List<RequestProcessor> localProcessors) {
        List<RequestProcessor> processors = new ArrayList<>();
        processors.add(new SipVersionCheck());
        processors.add(new UriSchemeCheck());
        processors.add(new ExtensionCheck(capabilities, local));
        processors.add(new LocalOptionsResponder(capabilities, local));
        processors.addAll(localProcessors);
        processors.add(new MaxForwardsCheck());
        processors.add(new UnroutableResponder(capabilities));
        return new RequestChain(processors);
    }
}
