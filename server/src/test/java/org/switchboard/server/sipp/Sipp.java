package org.switchboard.server.sipp;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.switchboard.server.Executables;
import org.switchboard.testkit.server.FreePorts;

/**
 * Test support: runs SIPp scenarios from {@code src/test/resources/sipp/<name>/scenario.xml}. A
 * test gets an instance with {@link #require()}, which skips the test when {@code sipp} is not
 * installed. Every run is bounded by its {@link SippRun#timeout()}. Immutable and thread-safe;
 * each run is its own process.
 */
public final class Sipp {
    /** The skip message when SIPp is missing. */
    public static final String NOT_INSTALLED = "sipp not installed (Debian package sip-tester)";

    private static final String BUFFER_BYTES = "4194304";

    private final Path binary;

    private Sipp(Path binary) {
        this.binary = binary;
    }

    /** The {@code sipp} on {@code PATH}; skips the calling test if there is none. */
    public static Sipp require() {
        Optional<Path> binary = find(System.getenv("PATH"));
        Assumptions.assumeTrue(binary.isPresent(), NOT_INSTALLED);
        return new Sipp(binary.get());
    }

    /** The executable {@code sipp} in the first directory of the search path that has one. */
    static Optional<Path> find(String searchPath) {
        return Executables.find("sipp", searchPath);
    }

    /**
     * Runs the scenario to its end and returns how it went.
     *
     * @param run what to run
     * @param workDir where SIPp's statistics, error and screen files go
     * @throws AssertionError if SIPp does not finish within the run's timeout (it is killed)
     */
    public SippResult run(SippRun run, Path workDir) throws IOException, InterruptedException {
        try (SippProcess process = start(run, workDir)) {
            return process.await();
        }
    }

    /**
     * Starts the scenario and returns at once, e.g. for an answering peer another run then calls.
     *
     * @param run what to run
     * @param workDir where SIPp's statistics, error and screen files go
     */
    public SippProcess start(SippRun run, Path workDir) throws IOException {
        Path runDir = Files.createTempDirectory(workDir, run.scenario() + "-");
        int localPort = run.localPort() != 0 ? run.localPort() : FreePorts.udpAndTcp();
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        if (run.hasRemote()) {
            command.add(run.remoteHost() + ":" + run.remotePort());
        }
        command.addAll(List.of(
                "-sf", scenarioFile(run.scenario()).toString(),
                "-i", run.localIp(),
                "-p", Integer.toString(localPort),
                "-t", run.transport().flag(),
                "-m", Integer.toString(run.calls()),
                "-r", Integer.toString(run.rate()),
                "-buff_size", BUFFER_BYTES,
                "-timeout", run.timeout().toSeconds() + "s",
                "-timeout_error",
                "-nostdin",
                "-trace_stat", "-stf", runDir.resolve("stat.csv").toString(),
                "-trace_err", "-error_file", runDir.resolve("errors.log").toString()));
        if (run.service() != null) {
            command.addAll(List.of("-s", run.service()));
        }
        if (run.injectionFile() != null) {
            command.addAll(List.of("-inf", run.injectionFile().toString()));
        }
        if (run.authUri() != null) {
            command.addAll(List.of("-auth_uri", run.authUri()));
        }
        run.keys().forEach((name, value) -> command.addAll(List.of("-key", name, value)));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(runDir.resolve("screen.log").toFile())
                .start();
        return new SippProcess(process, run, localPort, runDir);
    }

    private static Path scenarioFile(String scenario) throws IOException {
        String resource = "/sipp/" + scenario + "/scenario.xml";
        URL url = Sipp.class.getResource(resource);
        if (url == null) {
            throw new IOException("no SIPp scenario " + resource + " on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IOException("bad scenario location " + url, e);
        }
    }
}
