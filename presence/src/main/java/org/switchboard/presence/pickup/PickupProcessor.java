package org.switchboard.presence.pickup;

import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.spi.chain.ProcessorResult;
import org.switchboard.core.spi.chain.RequestContext;
import org.switchboard.core.spi.chain.RequestProcessor;
import org.switchboard.presence.dialog.CallDialogs;
import org.switchboard.presence.dialog.DialogState;
import org.switchboard.presence.dialog.TrackedCall;

/**
 * Directed call pickup, at the route stage (after the proxy authenticated the picker).
 *
 * <p>How: the proxy is no user agent and relays media descriptions it cannot merge, so it cannot
 * answer the picker's INVITE and bridge it to the caller, and adding the picker as a branch of the
 * ringing INVITE would make the picker's phone, busy dialling, ring a second time. Instead the
 * picker's own INVITE, with its own offer, goes to the caller's phone as an INVITE with Replaces
 * naming the early dialog the caller has with the ringing phone (RFC 3891 §3: a UA that gets a
 * Replaces matching an early dialog it started accepts the new INVITE and cancels the old one).
 * The caller's phone answers the picker, cancels its INVITE, and the colleague's phone stops
 * ringing; the proxy forwards everything as usual, with its records and lamps. The caller's phone
 * must support Replaces (desk phones do; an ITSP often does not): {@code Require: replaces} makes
 * one that does not answer 420, which reaches the picker, and the call keeps ringing.
 *
 * <p>The picker asks with the pickup code and the extension ({@code *8201}), or with the Replaces
 * header snom phones build from the dialog-info (Call-ID, maybe tags in the ringing phone's view),
 * sent to the caller. Either way the request is rewritten: Request-URI the caller (its address of
 * record when it is a user of the domain, reaching its registered phones, else its Contact), To the
 * caller, and {@code Replaces: callid;to-tag=<caller's tag>;from-tag=<ringing phone's tag>;early-only}
 * — the tags in the caller's view (RFC 3891 §3: to-tag is compared with the recipient's local tag).
 * Only a user of the ringing colleague's domain may pick up (403), only a ringing call (480 when
 * nothing rings there). An INVITE with Replaces for a call that is not ringing passes untouched
 * (an attended transfer, end to end).
 *
 * <p>Called on the request's shard; never blocks.
 */
public final class PickupProcessor implements RequestProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(PickupProcessor.class);
    private static final HeaderName REPLACES = HeaderName.of("Replaces");

    private final CallDialogs calls;
    private final Supplier<String> pickupCode;
    private final LongAdder pickups = new LongAdder();

    /**
     * @param pickupCode the code dialled before the extension, read on each request; empty for none
     */
    public PickupProcessor(CallDialogs calls, Supplier<String> pickupCode) {
        this.calls = calls;
        this.pickupCode = pickupCode;
    }

    @Override
    public ProcessorResult process(RequestContext context) {
        SipRequest request = context.request();
        if (!request.isMethod("INVITE") || request.to().tag() != null) {
            return ProcessorResult.CONTINUE;
        }
        AddressOfRecord picker = context.authenticatedCaller();
        Optional<String> replaced = PickupRequest.replacedCallId(request.header(REPLACES));
        TrackedCall ringing;
        if (replaced.isPresent()) {
            ringing = calls.call(replaced.get()).filter(c -> c.state() == DialogState.EARLY).orElse(null);
            if (ringing == null || picker == null) {
                return ProcessorResult.CONTINUE;
            }
        } else {
            Optional<AddressOfRecord> extension = PickupRequest.dialledExtension(request, pickupCode.get());
            if (extension.isEmpty() || picker == null || !picker.host().equals(extension.get().host())) {
                return ProcessorResult.CONTINUE;
            }
            ringing = calls.ringingAt(extension.get()).orElse(null);
            if (ringing == null) {
                LOG.info("Pickup: {} asked for the call ringing at {}, but nothing rings there", picker,
                        extension.get());
                return ProcessorResult.stop(context.responseBuilder(480, "Nothing Ringing There").build());
            }
        }
        return pickUp(context, picker, ringing);
    }

    /** Pickups passed on to the caller since start. */
    public long pickups() {
        return pickups.sum();
    }

    private ProcessorResult pickUp(RequestContext context, AddressOfRecord picker, TrackedCall ringing) {
        if (ringing.callee() == null || !picker.host().equals(ringing.callee().host())) {
            LOG.info("Pickup: {} may not pick up call {} ringing at {}, not a user of that domain", picker,
                    ringing.callId(), ringing.callee());
            return ProcessorResult.stop(context.responseBuilder(403, "Not Your Domain's Call").build());
        }
        if (picker.equals(ringing.caller()) || picker.equals(ringing.callee())) {
            return ProcessorResult.stop(context.responseBuilder(403, "Cannot Pick Up Own Call").build());
        }
        String target = ringing.caller() != null && ringing.caller().host().equals(picker.host())
                ? ringing.caller().toString() : ringing.callerTarget();
        if (target == null || ringing.callerIdentity() == null) {
            return ProcessorResult.stop(context.responseBuilder(480, "Caller Not Reachable").build());
        }
        SipRequest request = context.request();
        String replaces = ringing.callId() + ";to-tag=" + ringing.callerTag() + ";from-tag=" + ringing.calleeTag()
                + ";early-only";
        context.updateRequest(request.toBuilder()
                .requestUri(target)
                .set(HeaderName.TO, ringing.callerIdentity().toString())
                .set(REPLACES, replaces)
                .add(HeaderName.REQUIRE, "replaces")
                .build());
        pickups.increment();
        LOG.info("Pickup: {} picks up call {} from {} ringing at {}", picker, ringing.callId(), ringing.caller(),
                ringing.callee());
        return ProcessorResult.CONTINUE;
    }
}
