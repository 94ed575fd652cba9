package org.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.server.sipp.Sipp;
import org.switchboard.server.sipp.SippResult;
import org.switchboard.server.sipp.SippRun;
import org.switchboard.server.sipp.SippTransport;
import org.switchboard.testkit.server.FreePorts;

/** SIPp pings the packaged server with OPTIONS, as a monitoring system or a phone would. */
class OptionsPingIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;

    @TempDir
    static Path logs;

    private static ServerProcess server;
    private static int port;

    @TempDir
    Path workDir;

    @BeforeAll
    static void startServer() throws Exception {
        port = FreePorts.udpAndTcp();
        server = ServerProcess.start(List.of("run", "--sip-port", Integer.toString(port), "--listen", "127.0.0.1",
                "--data-dir", dataDir.toString(), "--http-port", "0", "--pnp-interfaces", "none"),
                logs.resolve("server.log"));
        assertThat(server.awaitLine("Switchboard started", START_TIMEOUT)).as(server.output()).isTrue();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(SippTransport.class)
    void answersEveryOptionsPingWith200AndAllow(SippTransport transport) throws Exception {
        SippResult result = Sipp.require().run(SippRun.scenario("options-ping")
                .target("127.0.0.1", port).transport(transport).calls(200).rate(100)
                .timeout(Duration.ofSeconds(30)).build(), workDir);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.successfulCalls()).as(result.toString()).isEqualTo(200);
        assertThat(result.failedCalls()).isZero();
    }

    @Test
    void refusesToStartWhenTheSipPortIsTakenAndSaysWhich() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(loopback, 0));
                ServerProcess second = ServerProcess.start(List.of("run", "--sip-port",
                        Integer.toString(taken.getLocalPort()), "--listen", "127.0.0.1", "--transports", "udp",
                        "--data-dir", workDir.toString(), "--http-port", "0", "--pnp-interfaces", "none"),
                        logs.resolve("port-taken.log"))) {
            assertThat(second.awaitExit(START_TIMEOUT)).as(second.output()).isEqualTo(1);
            assertThat(second.output())
                    .contains("Switchboard could not start", "UDP 127.0.0.1:" + taken.getLocalPort())
                    .doesNotContain("Switchboard started", "\tat ");
        }
    }
}
