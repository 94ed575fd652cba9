package org.switchboard.registrar.binding;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.switchboard.core.dns.SipServerLocator;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.message.SipParseException;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Transport;

/**
 * Which addresses-of-record have a binding reached at a transport and address of this host, so
 * that the proxy can tell a phone on its own host from another local service without scanning
 * every binding. A binding is reached at the source of the flow its REGISTER came on and, when its
 * Contact URI names an IP address, at the destination RFC 3263 §4 gives for that URI (a phone on
 * TCP connects from a passing port but listens at its Contact). Only places on this host are kept:
 * the proxy asks about no others, and the index then costs next to nothing beside the bindings.
 *
 * <p>Entries are kept per address-of-record, not per binding: a refresh that keeps its flow and
 * Contact changes nothing here, and one entry serves the usual case of flow and Contact naming the
 * same place. Whether a binding is still live is for the caller to check against the bindings, so
 * that one that expired before the purge removes it does not count.
 *
 * <p><b>Threading:</b> {@link #replace} is called by one thread at a time (the binding writer, or
 * the load before it starts); {@link #at} may be called from any thread.
 */
final class ContactReaches {
    private final ConcurrentHashMap<Destination, Set<AddressOfRecord>> index = new ConcurrentHashMap<>();
    private final Predicate<InetAddress> thisHost;

    /** @param thisHost whether an address is one of this host's (loopback included) */
    ContactReaches(Predicate<InetAddress> thisHost) {
        this.thisHost = thisHost;
    }

    /** Follows the bindings of {@code aor} changing from {@code before} to {@code after}. */
    void replace(AddressOfRecord aor, List<Binding> before, List<Binding> after) {
        if (samePlaces(before, after)) {
            return; // a refresh: nothing to parse or change
        }
        Set<Destination> old = reachesOf(before);
        Set<Destination> now = reachesOf(after);
        for (Destination gone : old) {
            if (!now.contains(gone)) {
                index.computeIfPresent(gone, (reach, aors) -> without(aors, aor));
            }
        }
        for (Destination added : now) {
            if (!old.contains(added)) {
                index.merge(added, Set.of(aor), ContactReaches::union);
            }
        }
    }

    /** The addresses-of-record with a binding, live or not yet purged, reached there; none off this host. */
    Set<AddressOfRecord> at(Transport transport, InetSocketAddress address) {
        return index.getOrDefault(Destination.of(transport, address), Set.of());
    }

    /** How many places are indexed, for tests. */
    int size() {
        return index.size();
    }

    /** Whether {@code binding} is reached at {@code transport} and {@code address}. */
    static boolean reaches(Binding binding, Transport transport, InetSocketAddress address) {
        Destination place = Destination.of(transport, address);
        return place.equals(flowSource(binding)) || place.equals(contactAddress(binding));
    }

    private static boolean samePlaces(List<Binding> before, List<Binding> after) {
        if (before.size() != after.size()) {
            return false;
        }
        for (int i = 0; i < before.size(); i++) {
            Binding b = before.get(i);
            Binding a = after.get(i);
            if (b.flow().transport() != a.flow().transport() || !b.flow().remote().equals(a.flow().remote())
                    || !b.contactUri().equals(a.contactUri())) {
                return false;
            }
        }
        return true;
    }

    private Set<Destination> reachesOf(List<Binding> bindings) {
        Set<Destination> reaches = new HashSet<>();
        for (Binding b : bindings) {
            addIfHere(reaches, flowSource(b));
            addIfHere(reaches, contactAddress(b));
        }
        return reaches;
    }

    private void addIfHere(Set<Destination> reaches, Destination place) {
        if (place != null && thisHost.test(place.address().getAddress())) {
            reaches.add(place);
        }
    }

    private static Destination flowSource(Binding binding) {
        return Destination.of(binding.flow().transport(), binding.flow().remote());
    }

    /** Where the Contact URI leads without DNS, or {@code null} for a host name. */
    private static Destination contactAddress(Binding binding) {
        try {
            return SipServerLocator.ofLiteral(SipUri.parse(binding.contactUri()));
        } catch (SipParseException e) {
            return null; // not a SIP URI (tel:, say): nothing to reach by address
        }
    }

    private static Set<AddressOfRecord> union(Set<AddressOfRecord> a, Set<AddressOfRecord> b) {
        Set<AddressOfRecord> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /** {@code aors} without {@code aor}, or {@code null} (dropping the entry) when none is left. */
    private static Set<AddressOfRecord> without(Set<AddressOfRecord> aors, AddressOfRecord aor) {
        Set<AddressOfRecord> rest = new HashSet<>(aors);
        rest.remove(aor);
        return rest.isEmpty() ? null : Set.copyOf(rest);
    }
}
