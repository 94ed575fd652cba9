package org.switchboard.nat.detect;

import static org.switchboard.core.spi.settings.Applies.When.LIVE;
import static org.switchboard.core.spi.settings.Applies.When.RESTART;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.switchboard.core.spi.settings.Applies;
import org.switchboard.core.spi.settings.Section;

/**
 * The NAT gateway's live settings section ({@code nat}). Immutable.
 *
 * @param mode how phones are treated unless their domain says otherwise (default {@link NatMode#AUTO})
 * @param domainModes per-domain exceptions, each {@code domain=auto|always|never}
 * @param keepaliveInterval how often the flow of a phone registered from behind a NAT over UDP is
 *     pinged with OPTIONS (default 25 s, inside the 30 s many NATs keep an idle UDP mapping); zero
 *     for no pings
 * @param keepaliveGrace how long a flow that stopped answering is kept, from the first ping it left
 *     unanswered, before its binding is dropped (default 60 s)
 * @param stunPort the STUN server's own UDP port (default 3478, RFC 5389 §9), 0 for none; its
 *     second port, for CHANGE-REQUEST, is the next one
 * @param clampExpiry the longest registration a phone behind NAT gets over UDP, so that it
 *     re-registers (and refreshes its NAT mapping) that often; zero (default) for no clamp
 */
public record NatSettings(@Applies(LIVE) NatMode mode, @Applies(LIVE) List<String> domainModes,
        @Applies(LIVE) Duration keepaliveInterval, @Applies(LIVE) Duration keepaliveGrace,
        @Applies(RESTART) int stunPort, @Applies(LIVE) Duration clampExpiry) {

    /** The section, with the defaults above. */
    public static final Section<NatSettings> SECTION = Section.of("nat", NatSettings.class,
            new NatSettings(NatMode.AUTO, List.of(), Duration.ofSeconds(25), Duration.ofSeconds(60), 3478,
                    Duration.ZERO));

    /** Checks each value, naming the setting that fails. */
    public NatSettings {
        Objects.requireNonNull(mode, "mode");
        domainModes = List.copyOf(domainModes);
        parseDomainModes(domainModes);
        Objects.requireNonNull(keepaliveInterval, "keepaliveInterval");
        Objects.requireNonNull(keepaliveGrace, "keepaliveGrace");
        if (keepaliveInterval.isNegative()) {
            throw new IllegalArgumentException("keepaliveInterval must be 0 (no pings) or more, not " + keepaliveInterval);
        }
        if (keepaliveGrace.isNegative() || keepaliveGrace.isZero()) {
            throw new IllegalArgumentException("keepaliveGrace must be positive, not " + keepaliveGrace);
        }
        Objects.requireNonNull(clampExpiry, "clampExpiry");
        if (clampExpiry.isNegative() || (!clampExpiry.isZero() && clampExpiry.toSeconds() < 1)) {
            throw new IllegalArgumentException("clampExpiry must be 0 (no clamp) or at least 1s, not " + clampExpiry);
        }
        if (stunPort < 0 || stunPort > 65534) {
            throw new IllegalArgumentException("stunPort must be 0 (off) or 1 to 65534 (the next port answers "
                    + "CHANGE-REQUEST), not " + stunPort);
        }
    }

    /** The mode for phones of {@code domain}: its exception, else {@link #mode()}. */
    public NatMode modeFor(String domain) {
        if (domainModes.isEmpty() || domain == null) {
            return mode;
        }
        return parseDomainModes(domainModes).getOrDefault(domain.toLowerCase(Locale.ROOT), mode);
    }

    private static Map<String, NatMode> parseDomainModes(List<String> entries) {
        Map<String, NatMode> modes = new HashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException("domainModes entries are domain=auto|always|never, not " + entry);
            }
            String name = entry.substring(eq + 1).trim().toUpperCase(Locale.ROOT);
            try {
                modes.put(entry.substring(0, eq).trim().toLowerCase(Locale.ROOT), NatMode.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("domainModes: " + entry + " names no mode (auto, always, never)");
            }
        }
        return modes;
    }
}
