package org.switchboard.presence.dialog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.message.NameAddr;
import org.switchboard.core.message.Params;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.spi.relay.RelayHook;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Flow;

/**
 * The calls the proxy relays, followed at the relay point, which every forwarded request and every
 * response to the caller passes: an initial INVITE going out starts a call (trying); a provisional
 * above 100 with a To tag going back to the caller makes it early (the callee rings, RFC 3261
 * §12.1: the provisional creates an early dialog), a 2xx confirmed; a final failure to the caller or
 * a BYE ends it. Each change goes to the listener, which notifies the watchers of the caller and
 * the callee. With forking, the callee's latest tag is kept: one dialog per call and party.
 *
 * <p>Bounded: at most {@code capacity} calls; past it new calls are not followed (counted). Calls
 * whose end the proxy never saw are dropped by {@link #sweep} after {@code ringingAge} unanswered or
 * {@code answeredAge} answered.
 *
 * <p>Threading: the hook runs on the calls' shards; the map is concurrent and the listener must not
 * block. Thread-safe.
 */
public final class CallDialogs implements RelayHook {
    private static final Logger LOG = LoggerFactory.getLogger(CallDialogs.class);

    private final ConcurrentHashMap<String, TrackedCall> calls = new ConcurrentHashMap<>();
    /** The Call-IDs of each party's calls, so that one user's calls are found without a scan. */
    private final ConcurrentHashMap<AddressOfRecord, Set<String>> byParty = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int capacity;
    private final Duration ringingAge;
    private final Duration answeredAge;
    private final Consumer<TrackedCall> listener;
    private final AtomicLong untracked = new AtomicLong();

    /**
     * @param listener told of every change, the ending included; called on the shard, must not block
     */
    public CallDialogs(Clock clock, int capacity, Duration ringingAge, Duration answeredAge,
            Consumer<TrackedCall> listener) {
        this.clock = clock;
        this.capacity = capacity;
        this.ringingAge = ringingAge;
        this.answeredAge = answeredAge;
        this.listener = listener;
    }

    @Override
    public SipRequest onRequest(SipRequest request, Destination hop) {
        try {
            if (request.isMethod(SipMethod.INVITE) && request.to().tag() == null) {
                started(request);
            } else if (request.isMethod(SipMethod.BYE)) {
                ended(request.callId());
            }
        } catch (RuntimeException e) {
            // a malformed header is the proxy's business; the lamps just miss this call
            LOG.debug("Dialog events: {} (Call-ID {}) not followed: {}", request.method(), request.callId(),
                    e.toString());
        }
        return request;
    }

    @Override
    public SipResponse onResponse(SipResponse response, Flow toward) {
        try {
            if (SipMethod.INVITE.equals(response.cseq().method())) {
                answered(response);
            }
        } catch (RuntimeException e) {
            LOG.debug("Dialog events: response {} (Call-ID {}) not followed: {}", response.statusCode(),
                    response.callId(), e.toString());
        }
        return response;
    }

    /** The call with this Call-ID, if it is followed. */
    public Optional<TrackedCall> call(String callId) {
        return Optional.ofNullable(calls.get(callId));
    }

    /** The calls that concern {@code aor}, as caller or callee, oldest first. */
    public List<TrackedCall> callsOf(AddressOfRecord aor) {
        List<TrackedCall> found = new ArrayList<>();
        for (String callId : byParty.getOrDefault(aor, Set.of())) {
            TrackedCall call = calls.get(callId);
            if (call != null && call.concerns(aor)) {
                found.add(call);
            }
        }
        found.sort((a, b) -> a.since().compareTo(b.since()));
        return found;
    }

    /** The most recent call ringing at {@code callee} (early, with its tag), if any. */
    public Optional<TrackedCall> ringingAt(AddressOfRecord callee) {
        TrackedCall latest = null;
        for (TrackedCall call : callsOf(callee)) {
            if (call.state() == DialogState.EARLY && callee.equals(call.callee())
                    && (latest == null || call.since().isAfter(latest.since()))) {
                latest = call;
            }
        }
        return Optional.ofNullable(latest);
    }

    /** How many calls are followed now. */
    public int size() {
        return calls.size();
    }

    /** How many calls were not followed because {@code capacity} calls were. */
    public long untracked() {
        return untracked.get();
    }

    /** Ends the calls that have rung or lasted longer than a call can, reporting each as terminated. */
    public void sweep() {
        Instant now = clock.instant();
        for (TrackedCall call : calls.values()) {
            Duration age = call.state() == DialogState.CONFIRMED ? answeredAge : ringingAge;
            if (call.since().plus(age).isBefore(now)) {
                LOG.debug("Dialog events: call {} ({}) not seen ending; dropped after {}", call.callId(),
                        call.state().xmlName(), age);
                ended(call.callId());
            }
        }
    }

    private void started(SipRequest invite) {
        if (calls.containsKey(invite.callId())) {
            return; // another branch of a call already followed
        }
        if (calls.size() >= capacity) {
            if (untracked.getAndIncrement() == 0) {
                LOG.warn("Dialog events: {} calls followed already; busy lamps miss further calls until some end",
                        capacity);
            }
            return;
        }
        NameAddr from = invite.from();
        NameAddr to = invite.to();
        List<NameAddr> contacts = invite.contacts();
        TrackedCall call = new TrackedCall(invite.callId(), from.tag(), null, aorOf(from), identity(from),
                contacts.isEmpty() ? null : contacts.get(0).uri(), aorOf(to), identity(to), DialogState.TRYING,
                clock.instant());
        if (calls.putIfAbsent(call.callId(), call) == null) {
            index(call.caller(), call.callId());
            index(call.callee(), call.callId());
            listener.accept(call);
        }
    }

    private void answered(SipResponse response) {
        int status = response.statusCode();
        if (status <= 100) {
            return;
        }
        if (status >= 300) {
            ended(response.callId());
            return;
        }
        String tag = response.to().tag();
        DialogState next = status >= 200 ? DialogState.CONFIRMED : DialogState.EARLY;
        if (next == DialogState.EARLY && tag == null) {
            return; // RFC 3261 §12.1: no early dialog without a To tag
        }
        // a call's responses all come on its shard, so nothing else changes it between get and replace
        TrackedCall before = calls.get(response.callId());
        if (before == null || before.state() == DialogState.CONFIRMED) {
            return;
        }
        TrackedCall after = before.moved(next, tag);
        if (!after.equals(before) && calls.replace(before.callId(), before, after)) {
            listener.accept(after);
        }
    }

    /** The call ended (a CallEnded event: a BYE or the final failure), if it was followed. */
    public void ended(String callId) {
        TrackedCall ended = calls.remove(callId);
        if (ended != null) {
            unindex(ended.caller(), callId);
            unindex(ended.callee(), callId);
            listener.accept(ended.moved(DialogState.TERMINATED, null));
        }
    }

    private void index(AddressOfRecord party, String callId) {
        if (party != null) {
            byParty.compute(party, (p, ids) -> {
                Set<String> kept = ids != null ? ids : ConcurrentHashMap.newKeySet();
                kept.add(callId);
                return kept;
            });
        }
    }

    private void unindex(AddressOfRecord party, String callId) {
        if (party != null) {
            // atomic per key: a set emptied here is not one another call was just added to
            byParty.computeIfPresent(party, (p, ids) -> {
                ids.remove(callId);
                return ids.isEmpty() ? null : ids;
            });
        }
    }

    private static AddressOfRecord aorOf(NameAddr address) {
        if (!address.isSip()) {
            return null;
        }
        try {
            return AddressOfRecord.of(address.sipUri());
        } catch (IllegalArgumentException e) {
            return null; // no user part
        }
    }

    /** The party without its tag, as it may be shown: display name and URI. */
    private static NameAddr identity(NameAddr address) {
        return address.withParams(Params.EMPTY);
    }
}
