package org.switchboard.core.spi.service;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.switchboard.core.spi.store.Ban;

/**
 * The source addresses banned for failed authentications, as the admin sees them. Implemented by
 * the accounts' brute-force guard; wired in by the server. Each ban added or lifted is saved (so it
 * survives a restart) and published as {@code BanAdded} or {@code BanLifted}.
 *
 * <p><b>Threading:</b> answers from and changes memory, never blocks (saving happens on the guard's
 * saver thread); thread-safe.
 */
public interface BansService {

    /**
     * The networks never blocked or banned (the office LAN, a trusted gateway), as CIDR text such as
     * {@code 192.0.2.0/24}; set at start.
     */
    List<String> trustedNetworks();

    /** The bans in force, soonest to expire first. */
    List<Ban> list();

    /**
     * Bans {@code source} for {@code duration}, replacing a ban in force.
     *
     * @return the ban made
     * @throws IllegalArgumentException if the source is in a trusted network (never banned) or the
     *     duration is not positive
     */
    Ban add(InetAddress source, Duration duration, String reason);

    /**
     * Lifts the ban on {@code source} and forgets its failed attempts.
     *
     * @return whether a ban was in force
     */
    boolean lift(InetAddress source);
}
