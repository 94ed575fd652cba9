package org.switchboard.server.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ServerTest {

    private final List<String> events = new ArrayList<>();

    private final class Part implements Lifecycle {
        private final String name;
        private final Exception startFailure;

        Part(String name) {
            this(name, null);
        }

        Part(String name, Exception startFailure) {
            this.name = name;
            this.startFailure = startFailure;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start() throws Exception {
            events.add("start " + name);
            if (startFailure != null) {
                throw startFailure;
            }
        }

        @Override
        public void stop() {
            events.add("stop " + name);
        }
    }

    @Test
    void startsInOrderAndStopsInReverse() throws Exception {
        Server server = new Server(List.of(new Part("lock"), new Part("sip"), new Part("http")));

        server.start();
        server.stop();

        assertThat(events).containsExactly(
                "start lock", "start sip", "start http", "stop http", "stop sip", "stop lock");
    }

    @Test
    void failedStartStopsWhatAlreadyStartedAndNamesTheReason() {
        Server server = new Server(List.of(new Part("lock"), new Part("sip"),
                new Part("http", new IOException("cannot bind tcp 0.0.0.0:8080: Address already in use")),
                new Part("never")));

        assertThatThrownBy(server::start)
                .isInstanceOf(StartupException.class)
                .hasMessage("cannot bind tcp 0.0.0.0:8080: Address already in use");
        assertThat(events).containsExactly("start lock", "start sip", "start http", "stop sip", "stop lock");
    }

    @Test
    void failureWithoutMessageNamesThePart() {
        Server server = new Server(List.of(new Part("sip", new IllegalStateException())));

        assertThatThrownBy(server::start).hasMessage("sip failed: IllegalStateException");
    }

    @Test
    void stopIsIdempotent() throws Exception {
        Server server = new Server(List.of(new Part("lock")));
        server.start();

        server.stop();
        server.stop();

        assertThat(events).containsExactly("start lock", "stop lock");
    }

    @Test
    void stopFromAnotherThreadReleasesWaiter() throws Exception {
        Server server = new Server(List.of(new Part("lock")));
        server.start();
        assertThat(server.awaitStopped(10, TimeUnit.MILLISECONDS)).isFalse();

        Thread stopper = new Thread(server::stop);
        stopper.start();

        assertThat(server.awaitStopped(10, TimeUnit.SECONDS)).isTrue();
        stopper.join(10_000);
    }

    @Test
    void stopBeforeStartMeansNothingStarts() throws Exception {
        Server server = new Server(List.of(new Part("lock")));

        server.stop();
        server.start();

        assertThat(events).isEmpty();
        assertThat(server.awaitStopped(0, TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    void secondStartIsRefused() throws Exception {
        Server server = new Server(List.of(new Part("lock")));
        server.start();

        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
        server.stop();
    }
}
