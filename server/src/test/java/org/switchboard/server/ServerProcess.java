package org.switchboard.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Test support: {@code switchboard.jar} running as a child process, its standard output and error
 * written to one file. Waits are bounded; {@link #close()} kills the process if it is still alive.
 * Used from one test thread.
 */
final class ServerProcess implements AutoCloseable {
    /** The variable of {@code --warm-up}. */
    static final String WARM_UP = "SWITCHBOARD_WARM_UP";
    private static final long POLL_MILLIS = 50;

    private final Process process;
    private final Path outputFile;

    private ServerProcess(Process process, Path outputFile) {
        this.process = process;
        this.outputFile = outputFile;
    }

    /** The jar named by the {@code switchboard.jar} system property (set by failsafe). */
    static Path jar() {
        Path jar = Path.of(System.getProperty("switchboard.jar", "target/switchboard.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; run 'mvn verify' so it is packaged first");
        }
        return jar;
    }

    /**
     * Starts the jar named by the {@code switchboard.jar} system property (set by failsafe), with no
     * {@code SWITCHBOARD_*} variables inherited and no warm-up ({@code SWITCHBOARD_WARM_UP=0}):
     * these tests are about what the server does, not how fast it meets its first phones.
     *
     * @param args the command-line arguments
     * @param outputFile where the process's output goes
     */
    static ServerProcess start(List<String> args, Path outputFile) throws IOException {
        return start(args, outputFile, null);
    }

    /**
     * As {@link #start(List, Path)}, in a working directory of its own, where the default data
     * directory {@code ./data} lies.
     *
     * @param workingDirectory the process's working directory, or {@code null} for this one's
     */
    static ServerProcess start(List<String> args, Path outputFile, Path workingDirectory) throws IOException {
        return start(args, outputFile, workingDirectory, Map.of(WARM_UP, "0"));
    }

    /**
     * As {@link #start(List, Path, Path)}, with {@code environment} set in the process's environment
     * (after the inherited {@code SWITCHBOARD_*} variables are removed) and nothing else: a server
     * started so warms up as README's command does.
     */
    static ServerProcess start(List<String> args, Path outputFile, Path workingDirectory,
            Map<String, String> environment) throws IOException {
        Path jar = jar().toAbsolutePath();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", jar.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(outputFile.toFile());
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        builder.environment().keySet().removeIf(name -> name.startsWith("SWITCHBOARD_"));
        builder.environment().putAll(environment);
        return new ServerProcess(builder.start(), outputFile);
    }

    /** Waits until a line containing the text appears; {@code false} if the timeout passes first. */
    boolean awaitLine(String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (output().contains(text)) {
                return true;
            }
            if (System.nanoTime() > deadline || !process.isAlive()) {
                return output().contains(text);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Sends SIGTERM (on Unix), as a service manager would. */
    void terminate() {
        process.destroy();
    }

    /** Sends SIGKILL (on Unix): the process gets no chance to flush or run shutdown hooks. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /**
     * Waits for the process to exit.
     *
     * @return the exit code
     * @throws AssertionError if it does not exit within the timeout
     */
    int awaitExit(Duration timeout) throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("switchboard did not exit within " + timeout + "; output:\n" + output());
        }
        return process.exitValue();
    }

    /** Everything the process printed so far. */
    String output() throws IOException {
        return Files.readString(outputFile, StandardCharsets.UTF_8);
    }

    /** Kills the process if it still runs; keeps the thread's interrupt status. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
