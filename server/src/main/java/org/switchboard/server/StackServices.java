package org.switchboard.server;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.proxy.RequestProcessor;
import org.switchboard.core.stack.SipStack;
import org.switchboard.core.transaction.ClientTransaction;
import org.switchboard.core.transaction.ClientTransactionListener;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.ListenPoint;
import org.switchboard.core.transport.Transport;
import org.switchboard.server.plugin.RegistrationWindow;

/**
 * The SIP services plugins get: collects their processors and multicast filters while they start,
 * which {@link SipStackComponent} then builds the stack with, and forwards sends to the stack
 * once it runs. Thread-safe.
 */
final class StackServices implements RegistrationWindow {
    private final List<RequestProcessor> processors = new CopyOnWriteArrayList<>();
    private final List<Predicate<SipRequest>> multicastFilters = new CopyOnWriteArrayList<>();
    private volatile boolean registrationOpen = true;
    private volatile SipStack running;

    @Override
    public void addLocalProcessor(RequestProcessor processor) {
        requireOpen();
        processors.add(processor);
    }

    @Override
    public void acceptOnMulticast(Predicate<SipRequest> filter) {
        requireOpen();
        multicastFilters.add(filter);
    }

    private void requireOpen() {
        if (!registrationOpen) {
            throw new IllegalStateException("SIP processors and filters can only be added while plugins start");
        }
    }

    @Override
    public void closeRegistration() {
        registrationOpen = false;
    }

    /** The processors plugins added, in order. */
    List<RequestProcessor> localProcessors() {
        return List.copyOf(processors);
    }

    /** A request on the multicast group is taken if any plugin's filter takes it; empty if no plugin asked. */
    Optional<Predicate<SipRequest>> multicastFilter() {
        List<Predicate<SipRequest>> filters = List.copyOf(multicastFilters);
        if (filters.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(request -> filters.stream().anyMatch(f -> f.test(request)));
    }

    void attach(SipStack stack) {
        running = stack;
    }

    void detach() {
        running = null;
    }

    @Override
    public ClientTransaction sendRequest(SipRequest request, Destination destination,
            ClientTransactionListener listener) {
        return stack().transactions().sendRequest(request, destination, listener);
    }

    @Override
    public int port(Transport transport) {
        SipStack stack = stack();
        ListenPoint lp = stack.transports().boundListenPoint(transport, false);
        if (lp == null) {
            lp = stack.transports().boundListenPoint(transport, true);
        }
        if (lp == null) {
            throw new IllegalStateException("The server does not listen on " + transport);
        }
        return lp.address().getPort();
    }

    private SipStack stack() {
        SipStack stack = running;
        if (stack == null) {
            throw new IllegalStateException("The SIP stack is not running");
        }
        return stack;
    }
}
