package org.switchboard.core.proxy;

import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.spi.chain.ProcessorStages;
import org.switchboard.core.spi.chain.RequestProcessor;
import org.switchboard.core.spi.chain.Stage;
import org.switchboard.core.spi.route.DomainCatalog;

/**
 * Assembles the request chain of the core server: validation, local answers, and the end of the
 * chain — the unroutable responder in a server without a proxy, or the forwarding proxy. Feature
 * modules (registrar, provisioning) add their processors by {@link Stage}.
 */
public final class CoreProcessors {
    private CoreProcessors() {
    }

    /** The core chain with no feature processors and no proxy. */
    public static RequestChain chain(LocalAddresses local, ServerCapabilities capabilities) {
        return chain(local, capabilities, ProcessorStages.none());
    }

    /** The core chain without a proxy, with {@code localProcessors} in {@link Stage#LOCAL}. */
    public static RequestChain chain(LocalAddresses local, ServerCapabilities capabilities,
            List<RequestProcessor> localProcessors) {
        return chain(local, capabilities, ProcessorStages.local(localProcessors));
    }

    /**
     * The core chain without a proxy: version, URI scheme and extension checks; the sanity, NAT and
     * authentication stages; local OPTIONS; the local stage (requests for the server itself, which
     * need no hops left); the Max-Forwards check; the route stage; then the unroutable responder.
     */
    public static RequestChain chain(LocalAddresses local, ServerCapabilities capabilities, ProcessorStages stages) {
        List<RequestProcessor> processors = new ArrayList<>();
        processors.add(new SipVersionCheck());
        processors.add(new UriSchemeCheck());
        processors.add(new ExtensionCheck(capabilities, local));
        addEarlyStages(processors, stages);
        processors.add(new LocalOptionsResponder(capabilities, local));
        processors.addAll(stages.at(Stage.LOCAL));
        processors.add(new MaxForwardsCheck());
        processors.addAll(stages.at(Stage.ROUTE));
        processors.add(new UnroutableResponder(capabilities));
        return new RequestChain(processors);
    }

    /**
     * The chain of a server with the forwarding proxy (RFC 3261 §16.3-16.6): version and URI
     * scheme checks, loop detection (482), route preprocessing, CANCEL, extension checks, the
     * sanity, NAT and authentication stages, local OPTIONS, the local stage, the answers for other
     * requests addressed to the server itself (404, 405, and 501 for unknown methods, which are
     * forwarded to anyone else, §16.3), Max-Forwards (483), the relay check (403), the
     * authentication policy (407), the route stage, and forwarding.
     */
    static RequestChain proxyChain(LocalAddresses local, DomainCatalog domains, ServerCapabilities capabilities,
            ProcessorStages stages, CancelResponder cancel, RelayCheck relay,
            ProxyAuthentication authentication, RequestForwarding forwarding) {
        List<RequestProcessor> processors = new ArrayList<>();
        processors.add(new SipVersionCheck());
        processors.add(new UriSchemeCheck());
        processors.add(new LoopCheck(local));
        processors.add(new RoutePreprocessor(local));
        processors.add(cancel);
        processors.add(new ExtensionCheck(capabilities, local));
        addEarlyStages(processors, stages);
        processors.add(new LocalOptionsResponder(capabilities, local));
        processors.addAll(stages.at(Stage.LOCAL));
        processors.add(new LocalTargetResponder(capabilities, local, domains));
        processors.add(new MaxForwardsCheck());
        processors.add(relay);
        if (authentication != null) {
            processors.add(authentication);
        }
        processors.addAll(stages.at(Stage.ROUTE));
        processors.add(forwarding);
        return new RequestChain(processors);
    }

    private static void addEarlyStages(List<RequestProcessor> processors, ProcessorStages stages) {
        processors.addAll(stages.at(Stage.SANITY));
        processors.addAll(stages.at(Stage.NAT));
        processors.addAll(stages.at(Stage.AUTH));
    }
}
