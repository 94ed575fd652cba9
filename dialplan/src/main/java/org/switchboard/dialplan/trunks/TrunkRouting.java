package org.switchboard.dialplan.trunks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.SipParseException;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.spi.route.RouteRequest;
import org.switchboard.core.spi.route.Target;
import org.switchboard.dialplan.rule.ForwardTarget;

/**
 * What the dial plan's router asks about trunks: whether a call comes in from one, the number it
 * was dialled to, and the targets of a forward to trunks (the first now, the others for {@link
 * TrunkFailover}). Thread-safe; never blocks.
 */
public final class TrunkRouting {
    private static final Logger LOG = LoggerFactory.getLogger(TrunkRouting.class);

    private final Supplier<TrunkDirectory> trunks;
    private final TrunkFailover failover;

    public TrunkRouting(Supplier<TrunkDirectory> trunks, TrunkFailover failover) {
        this.trunks = trunks;
        this.failover = failover;
    }

    /**
     * The trunk {@code routed} comes in from (by its source address), or {@code null}. A request the
     * proxy authenticated comes from one of our users, even from a trunk's address (a phone beside a
     * gateway, or on the same host).
     */
    public Trunk inbound(RouteRequest routed) {
        if (routed.authenticatedCaller() != null) {
            return null;
        }
        return trunks.get().inboundFrom(routed.flow().remote().getAddress(), routed.request().sipRequestUri().user());
    }

    /**
     * The DID a call from {@code trunk} was dialled to: the Request-URI's user, unless that is the
     * Contact user the server registered, to which providers send every DID of the account, the
     * DID then being the To user (as most providers do; RFC 3261 §8.1.1.2 makes To the logical callee).
     */
    public static String dialled(Trunk trunk, SipRequest request) {
        String user = request.sipRequestUri().user();
        if (trunk.config().register() && trunk.contactUser().equals(user)) {
            try {
                String to = request.to().sipUri().user();
                if (to != null && !to.isEmpty()) {
                    return to;
                }
            } catch (SipParseException | IllegalArgumentException e) {
                return user;
            }
        }
        return user;
    }

    /** Whether a resolved forward target ({@link ForwardTarget.Trunk#resolve}) names a trunk. */
    public static boolean isTrunkTarget(String resolved) {
        return resolved.startsWith(ForwardTarget.Trunk.PREFIX);
    }

    /**
     * The target of the first known trunk among {@code resolved} (each {@code trunk:NAME/NUMBER}),
     * the others being left for failover of the call {@code callId}; empty when none is known.
     */
    public List<Target> targets(String callId, List<String> resolved) {
        TrunkDirectory directory = trunks.get();
        List<Target> targets = new ArrayList<>();
        for (String r : resolved) {
            String nameAndNumber = r.substring(ForwardTarget.Trunk.PREFIX.length());
            int slash = nameAndNumber.indexOf('/');
            Trunk trunk = directory.named(nameAndNumber.substring(0, slash));
            if (trunk == null) {
                LOG.warn("Dial plan: a rule forwards to trunk '{}', which does not exist; skipped",
                        nameAndNumber.substring(0, slash));
                continue;
            }
            try {
                targets.add(trunk.target(nameAndNumber.substring(slash + 1)));
            } catch (SipParseException | IllegalArgumentException e) {
                LOG.warn("Dial plan: '{}' is no number trunk {} can be called at; skipped",
                        nameAndNumber.substring(slash + 1), trunk.name());
            }
        }
        if (targets.isEmpty()) {
            return List.of();
        }
        failover.remember(callId, targets.subList(1, targets.size()));
        return List.of(targets.get(0));
    }

    /** A URI in our domain for a DID, as the default router reaches users. */
    public static SipUri local(String did, String domain) {
        return SipUri.parse("sip:" + did + "@" + domain);
    }
}
