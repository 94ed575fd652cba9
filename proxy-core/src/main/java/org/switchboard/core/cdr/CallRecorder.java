package org.switchboard.core.cdr;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.spi.service.ActiveCall;
import org.switchboard.core.spi.service.ActiveCallsService;
import org.switchboard.core.spi.store.CallRecord;
import org.switchboard.core.spi.store.CallRecordStore;

/**
 * Follows calls from INVITE to BYE and writes one {@link CallRecord} per call. Unanswered calls are
 * written when the caller gets the final response; answered calls when the BYE passes. A call whose
 * end the proxy never sees is written without its end, so every call that starts is also written:
 * an answered call whose 2xx no ACK follows within 64*T1 (the callee gives up on it then, RFC 3261
 * §13.3.1.4), and any call older than the longest call duration (a BYE lost for good, a phone
 * switched off mid-call). {@link #sweep()} writes those; at most {@code maxActiveCalls} calls are
 * followed, beyond that the oldest is written as it stands, which bounds memory between sweeps.
 *
 * <p>The calls it follows are also the proxy's list of active calls ({@link ActiveCallsService}).
 *
 * <p>Threading: thread-safe; called on the calls' shards, never blocks. Records are handed to a
 * store that may block on {@code writer}, an executor for blocking work, and to one that does not
 * directly.
 */
public final class CallRecorder implements ActiveCallsService {
    private static final Logger LOG = LoggerFactory.getLogger(CallRecorder.class);

    private final CallRecordStore store;
    private final Executor writer;
    private final Clock clock;
    /** RFC 3261 §13.3.1.4: the callee retransmits its 2xx for 64*T1 and then gives up on the call. */
    static final Duration NO_ACK_WINDOW = Duration.ofMillis(64 * 500);
    /** Kamailio's dialog module forgets a dialog after 12 hours by default (dialog module, default_timeout). */
    public static final Duration DEFAULT_MAX_CALL_DURATION = Duration.ofHours(12);

    private final int maxActiveCalls;
    private final Duration maxCallDuration;
    private final Map<String, FollowedCall> calls = new LinkedHashMap<>();

    private static final class FollowedCall {
        final String callId;
        final String callerTag;
        final String caller;
        final String callee;
        final Instant start;
        Instant answer;
        boolean acknowledged;
        /** When the call is written without its end if nothing more is heard of it. */
        Instant deadline;

        FollowedCall(String callId, String callerTag, String caller, String callee, Instant start) {
            this.callId = callId;
            this.callerTag = callerTag;
            this.caller = caller;
            this.callee = callee;
            this.start = start;
        }

        ActiveCall view() {
            return new ActiveCall(callId, caller, callee,
                    answer == null ? ActiveCall.State.RINGING : ActiveCall.State.ANSWERED, start, answer);
        }

        CallRecord finish(Instant end, int status, CallRecord.Hangup hangup) {
            return new CallRecord(callId, caller, callee, start, answer, end, status, hangup);
        }
    }

    /**
     * @param maxActiveCalls how many calls are followed at once
     * @param maxCallDuration how long a call may last before it is written without its end
     */
    public CallRecorder(CallRecordStore store, Executor writer, Clock clock, int maxActiveCalls,
            Duration maxCallDuration) {
        if (maxActiveCalls <= 0 || maxCallDuration.isNegative() || maxCallDuration.isZero()) {
            throw new IllegalArgumentException("maxActiveCalls and maxCallDuration must be positive");
        }
        this.store = store;
        this.writer = writer;
        this.clock = clock;
        this.maxActiveCalls = maxActiveCalls;
        this.maxCallDuration = maxCallDuration;
    }

    /** An initial INVITE is being forwarded. */
    public void started(String callId, String callerTag, String caller, String callee) {
        FollowedCall evicted = null;
        synchronized (this) {
            Instant now = clock.instant();
            FollowedCall call = new FollowedCall(callId, callerTag, caller, callee, now);
            call.deadline = now.plus(maxCallDuration);
            calls.put(callId, call);
            if (calls.size() > maxActiveCalls) {
                Iterator<FollowedCall> oldest = calls.values().iterator();
                evicted = oldest.next();
                oldest.remove();
            }
        }
        if (evicted != null) {
            LOG.warn("Following more than {} calls; writing the record of call {} without its end",
                    maxActiveCalls, evicted.callId);
            write(evicted.finish(null, evicted.answer != null ? 200 : 0, CallRecord.Hangup.NONE));
        }
    }

    /** The first 2xx of the call went to the caller. */
    public synchronized void answered(String callId) {
        FollowedCall call = calls.get(callId);
        if (call != null && call.answer == null) {
            call.answer = clock.instant();
            call.deadline = call.answer.plus(NO_ACK_WINDOW);
        }
    }

    /** An ACK for the call's 2xx passed: the call is set up and lasts until its BYE. */
    public synchronized void acknowledged(String callId) {
        FollowedCall call = calls.get(callId);
        if (call != null && call.answer != null && !call.acknowledged) {
            call.acknowledged = true;
            call.deadline = call.answer.plus(maxCallDuration);
        }
    }

    /**
     * Writes, without their end, the calls nothing more will be heard of: answered and never
     * acknowledged within 64*T1, or older than the longest call duration. Called periodically.
     *
     * @return how many calls were written
     */
    public int sweep() {
        List<FollowedCall> expired = new ArrayList<>();
        synchronized (this) {
            Instant now = clock.instant();
            for (Iterator<FollowedCall> it = calls.values().iterator(); it.hasNext(); ) {
                FollowedCall call = it.next();
                if (!call.deadline.isAfter(now)) {
                    expired.add(call);
                    it.remove();
                }
            }
        }
        for (FollowedCall call : expired) {
            if (call.answer != null && !call.acknowledged) {
                LOG.info("Call {} from {} to {} was answered but no ACK followed within {} s; recording it as ended",
                        call.callId, call.caller, call.callee, NO_ACK_WINDOW.toSeconds());
            } else {
                LOG.info("Call {} from {} to {} passed the longest call duration of {} without a BYE; recording it"
                        + " without its end", call.callId, call.caller, call.callee, maxCallDuration);
            }
            write(call.finish(null, call.answer != null ? 200 : 0, CallRecord.Hangup.NONE));
        }
        return expired.size();
    }

    /** The caller got a final failure response (or cancelled, 487): the call is over. */
    public void failed(String callId, int status) {
        FollowedCall call;
        synchronized (this) {
            call = calls.get(callId);
            if (call == null || call.answer != null) {
                return;
            }
            calls.remove(callId);
        }
        write(call.finish(clock.instant(), status, CallRecord.Hangup.NONE));
    }

    /** A BYE passed in the dialog of {@code callId}; {@code fromTag} tells who sent it. */
    public void hungUp(String callId, String fromTag) {
        FollowedCall call;
        synchronized (this) {
            call = calls.get(callId);
            if (call == null || call.answer == null) {
                return;
            }
            calls.remove(callId);
        }
        CallRecord.Hangup who = call.callerTag != null && call.callerTag.equals(fromTag)
                ? CallRecord.Hangup.CALLER : CallRecord.Hangup.CALLEE;
        write(call.finish(clock.instant(), 200, who));
    }

    /** Calls followed right now. */
    public synchronized int activeCalls() {
        return calls.size();
    }

    /** The calls followed right now, oldest first. */
    @Override
    public synchronized List<ActiveCall> list() {
        List<ActiveCall> list = new ArrayList<>(calls.size());
        for (FollowedCall call : calls.values()) {
            list.add(call.view());
        }
        return list;
    }

    @Override
    public synchronized Optional<ActiveCall> find(String callId) {
        FollowedCall call = calls.get(callId);
        return call == null ? Optional.empty() : Optional.of(call.view());
    }

    private void write(CallRecord record) {
        if (!store.blocks()) {
            save(record);
            return;
        }
        try {
            writer.execute(() -> save(record));
        } catch (RejectedExecutionException e) {
            LOG.error("Call record of call {} dropped: the blocking executor is saturated", record.callId());
        }
    }

    private void save(CallRecord record) {
        try {
            store.save(record);
        } catch (RuntimeException e) {
            LOG.error("Could not store the call record of call {}", record.callId(), e);
        }
    }
}
