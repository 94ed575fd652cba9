package org.switchboard.core.cdr;

import java.util.function.Consumer;
import org.switchboard.core.spi.event.SwitchboardEvent;

/**
 * Call records as a listener of the event bus: hands the proxy's call events to a {@link
 * CallRecorder}, which writes one record per call.
 *
 * <p>Threading: as {@link CallRecorder}: thread-safe, never blocks, so it may run on the publisher.
 */
public final class CallRecordListener implements Consumer<SwitchboardEvent.CallEvent> {
    private final CallRecorder recorder;

    public CallRecordListener(CallRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void accept(SwitchboardEvent.CallEvent event) {
        // Java 17 has no pattern switch; the call events are these three records
        if (event instanceof SwitchboardEvent.CallStarted started) {
            recorder.started(started.callId(), started.callerTag(), started.caller(), started.callee());
        } else if (event instanceof SwitchboardEvent.CallAnswered answered) {
            recorder.answered(answered.callId());
        } else if (event instanceof SwitchboardEvent.CallEnded ended) {
            if (ended.reason() == SwitchboardEvent.EndReason.HUNG_UP) {
                recorder.hungUp(ended.callId(), ended.byTag());
            } else {
                recorder.failed(ended.callId(), ended.status());
            }
        }
    }
}
