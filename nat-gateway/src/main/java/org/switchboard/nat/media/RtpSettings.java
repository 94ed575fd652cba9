package org.switchboard.nat.media;

import static org.switchboard.core.spi.settings.Applies.When.LIVE;
import static org.switchboard.core.spi.settings.Applies.When.RESTART;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import org.switchboard.core.spi.settings.Applies;
import org.switchboard.core.spi.settings.Section;
import org.switchboard.nat.detect.NatMode;

/**
 * The RTP relay's settings section ({@code rtp}). Immutable.
 *
 * @param relay which calls have their media anchored: {@link NatMode#AUTO} (default) those with a
 *     phone behind NAT on either side, {@link NatMode#ALWAYS} every call, {@link NatMode#NEVER} none
 * @param ports the UDP ports for the relay, {@code first-last} (default {@code 20000-29999}): two
 *     pairs per stream, so 2,500 audio calls
 * @param externalAddress the public address put in the SDP when the server itself is behind a NAT
 *     (an IP address), empty for the address of the SIP socket facing each side
 * @param mediaTimeout how long an answered call may send no RTP or RTCP before its ports are freed
 *     (default 60 s)
 */
public record RtpSettings(@Applies(LIVE) NatMode relay, @Applies(RESTART) String ports,
        @Applies(RESTART) String externalAddress, @Applies(LIVE) Duration mediaTimeout) {

    /** The section, with the defaults above. */
    public static final Section<RtpSettings> SECTION = Section.of("rtp", RtpSettings.class,
            new RtpSettings(NatMode.AUTO, "20000-29999", "", Duration.ofSeconds(60)));

    /** Checks each value, naming the setting that fails. */
    public RtpSettings {
        Objects.requireNonNull(relay, "relay");
        Objects.requireNonNull(ports, "ports");
        PortRange.parse(ports);
        externalAddress = externalAddress == null ? "" : externalAddress.trim();
        external(externalAddress);
        Objects.requireNonNull(mediaTimeout, "mediaTimeout");
        if (mediaTimeout.isNegative() || mediaTimeout.isZero()) {
            throw new IllegalArgumentException("mediaTimeout must be positive, not " + mediaTimeout);
        }
    }

    /** The port range. */
    public PortRange portRange() {
        return PortRange.parse(ports);
    }

    /** The external address, or {@code null} for none. */
    public InetAddress external() {
        return external(externalAddress);
    }

    private static InetAddress external(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (!text.matches("[0-9A-Fa-f.:]+")) {
            throw new IllegalArgumentException("externalAddress must be an IP address (put in the SDP), not " + text);
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("externalAddress must be an IP address, not " + text);
        }
    }
}
