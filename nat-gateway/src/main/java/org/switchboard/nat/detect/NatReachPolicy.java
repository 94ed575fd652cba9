package org.switchboard.nat.detect;

import java.util.function.Supplier;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.location.Reach;
import org.switchboard.core.message.NameAddr;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.spi.reach.ReachPolicy;
import org.switchboard.core.transport.Flow;

/**
 * How the registrar's contacts are reached with the NAT gateway: a contact registered by a phone
 * behind a NAT is reached over the flow its REGISTER came on (address, port, transport and
 * connection), never at its private Contact; any other as {@link ReachPolicy#STANDARD} says, so a
 * phone that is not behind a NAT is reached at its Contact (RFC 3261 §16.5). The domain's {@link
 * NatMode} is read from the live settings on every REGISTER, and each decision is told to the
 * {@link NatedRegistrations} (the keep-alives). Thread-safe; never blocks.
 */
public final class NatReachPolicy implements ReachPolicy {
    private final NatDetector detector;
    private final Supplier<NatSettings> settings;
    private final NatedRegistrations registrations;

    public NatReachPolicy(NatDetector detector, Supplier<NatSettings> settings) {
        this(detector, settings, NatedRegistrations.NONE);
    }

    /** @param registrations told of each contact whether it registers from behind a NAT */
    public NatReachPolicy(NatDetector detector, Supplier<NatSettings> settings, NatedRegistrations registrations) {
        this.detector = detector;
        this.settings = settings;
        this.registrations = registrations;
    }

    @Override
    public Reach reach(SipRequest register, AddressOfRecord aor, Flow flow, NameAddr contact, boolean outboundFlow) {
        NatMode mode = settings.get().modeFor(aor.host());
        boolean nated = switch (mode) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> detector.isNated(register, flow);
        };
        if (nated) {
            registrations.nated(aor, contact.uri(), flow);
            return Reach.FLOW;
        }
        registrations.notNated(aor, contact.uri());
        return STANDARD.reach(register, aor, flow, contact, outboundFlow);
    }
}
