package org.switchboard.nat.detect;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.NameAddr;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipParseException;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.spi.chain.ProcessorResult;
import org.switchboard.core.spi.chain.RequestContext;
import org.switchboard.core.spi.chain.RequestProcessor;
import org.switchboard.core.transport.Flow;
import org.switchboard.core.transport.Transport;

/**
 * Shortens the registration a phone behind NAT asks for over UDP to {@code nat.clampExpiry}, at the
 * NAT stage before the registrar sees the REGISTER: its {@code Expires} header and each Contact's
 * {@code expires} parameter above the clamp become the clamp, and a contact for which the REGISTER
 * names no time gets the clamp (else the registrar's default, an hour, would apply). The registrar
 * grants it (RFC 3261 §10.3 step 7) and the phone re-registers that often, which keeps its NAT
 * mapping open from the inside, on top of the server's keep-alives. Off (zero) by default; the clamp
 * should be at least {@code registrar.minSeconds}, or the phone is answered 423.
 *
 * <p>Threading: called on the REGISTER's shard; stateless; never blocks.
 */
public final class NatedExpiryClamp implements RequestProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(NatedExpiryClamp.class);

    private final NatDetector detector;
    private final Supplier<NatSettings> settings;

    public NatedExpiryClamp(NatDetector detector, Supplier<NatSettings> settings) {
        this.detector = detector;
        this.settings = settings;
    }

    @Override
    public ProcessorResult process(RequestContext context) {
        SipRequest request = context.request();
        Flow flow = context.flow();
        NatSettings current = settings.get();
        Duration clamp = current.clampExpiry();
        if (clamp.isZero() || !request.isMethod(SipMethod.REGISTER) || flow.transport() != Transport.UDP) {
            return ProcessorResult.CONTINUE;
        }
        try {
            String domain = request.to().isSip() ? request.to().sipUri().host() : null;
            boolean nated = switch (current.modeFor(domain)) {
                case ALWAYS -> true;
                case NEVER -> false;
                case AUTO -> detector.isNated(request, flow);
            };
            if (nated) {
                SipRequest clamped = clamped(request, clamp.toSeconds());
                if (clamped != request) {
                    LOG.debug("REGISTER from {} behind NAT: registration clamped to {} s", flow, clamp.toSeconds());
                    context.updateRequest(clamped);
                }
            }
        } catch (SipParseException | NumberFormatException e) {
            // a malformed Expires or Contact is for the registrar to answer
            LOG.debug("REGISTER from {}: expiry not clamped: {}", flow, e.getMessage());
        }
        return ProcessorResult.CONTINUE;
    }

    /**
     * The REGISTER with every time above {@code seconds} lowered to it, and a contact without a time
     * of its own or an {@code Expires} given {@code seconds}; the same one if nothing changes (a
     * fetch of the bindings, a {@code Contact: *} removal).
     */
    static SipRequest clamped(SipRequest request, long seconds) {
        String contactHeader = request.headers().firstValue(HeaderName.CONTACT);
        if (contactHeader == null || contactHeader.trim().equals("*")) {
            return request;
        }
        String expires = request.headers().firstValue(HeaderName.EXPIRES);
        String clamp = Long.toString(seconds);
        boolean changed = false;
        SipRequest.Builder builder = request.toBuilder();
        if (expires != null && Long.parseLong(expires.trim()) > seconds) {
            builder.set(HeaderName.EXPIRES, clamp);
            changed = true;
        }
        builder.remove(HeaderName.CONTACT);
        for (NameAddr contact : request.contacts()) {
            NameAddr out = contact;
            String own = contact.params().get("expires");
            if (own != null ? Long.parseLong(own.trim()) > seconds : expires == null) {
                out = contact.withParam("expires", clamp);
                changed = true;
            }
            builder.add(HeaderName.CONTACT, out.toString());
        }
        return changed ? builder.build() : request;
    }
}
