package org.switchboard.core.cdr;

import java.time.Clock;
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
 * written when the caller gets the final response; answered calls when the BYE passes. At most
 * {@code maxActiveCalls} answered or ringing calls are followed; beyond that the oldest is written
 * as it stands and forgotten, which bounds memory when BYEs are lost.
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
    private final int maxActiveCalls;
    private final Map<String, FollowedCall> calls = new LinkedHashMap<>();

    private static final class FollowedCall {
        final String callId;
        final String callerTag;
        final String caller;
        final String callee;
        final Instant start;
        Instant answer;

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

    public CallRecorder(CallRecordStore store, Executor writer, Clock clock, int maxActiveCalls) {
        this.store = store;
        this.writer = writer;
        this.clock = clock;
        this.maxActiveCalls = maxActiveCalls;
    }

    /** An initial INVITE is being forwarded. */
    public void started(String callId, String callerTag, String caller, String callee) {
        FollowedCall evicted = null;
        synchronized (this) {
            calls.put(callId, new FollowedCall(callId, callerTag, caller, callee, clock.instant()));
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
        }
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
