package org.switchboard.server.sipp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The SIPp harness against a real SIPp peer: the options-ping scenario and its Allow check. */
class SippIT {
    private static final Duration BIND_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path workDir;

    private final Sipp sipp = Sipp.require();

    private SippProcess startResponder(String scenario, SippTransport transport, int calls) throws Exception {
        SippProcess responder = sipp.start(SippRun.scenario(scenario)
                .transport(transport).calls(calls).timeout(RUN_TIMEOUT).build(), workDir);
        responder.awaitBound(BIND_TIMEOUT);
        return responder;
    }

    private SippResult ping(SippTransport transport, int port, int calls) throws Exception {
        return sipp.run(SippRun.scenario("options-ping")
                .target("127.0.0.1", port).transport(transport).calls(calls).rate(20).timeout(RUN_TIMEOUT)
                .build(), workDir);
    }

    @ParameterizedTest
    @EnumSource(SippTransport.class)
    void optionsPingCountsEveryAnsweredCallAsSuccessful(SippTransport transport) throws Exception {
        try (SippProcess responder = startResponder("options-responder", transport, 5)) {
            SippResult result = ping(transport, responder.localPort(), 5);

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.successfulCalls()).as(result.toString()).isEqualTo(5);
            assertThat(result.failedCalls()).isZero();
            assertThat(responder.await().successfulCalls()).isEqualTo(5);
        }
    }

    @Test
    void optionsPingFailsCallsWhoseAnswerLacksAllow() throws Exception {
        try (SippProcess responder = startResponder("options-responder-without-allow", SippTransport.UDP, 3)) {
            SippResult result = ping(SippTransport.UDP, responder.localPort(), 3);

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.successfulCalls()).isZero();
            assertThat(result.failedCalls()).isEqualTo(3);
            assertThat(result.errors()).contains("header Allow: not found");
        }
    }

    @Test
    void optionsPingWithoutPeerFailsWithinTimeout() throws Exception {
        SippResult result = sipp.run(SippRun.scenario("options-ping")
                .target("127.0.0.1", 9).calls(1).timeout(Duration.ofSeconds(2)).build(), workDir);

        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.successfulCalls()).isZero();
    }
}
