package org.switchboard.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.switchboard.accounts.digest.DigestAlgorithm;
import org.switchboard.core.transport.ListenPoint;
import org.switchboard.core.transport.Transport;

class ServerConfigTest {

    private static ServerConfig config(int port, List<InetAddress> addresses, Set<Transport> transports) {
        return new ServerConfig(port, addresses, transports, Path.of("data"), LogLevel.INFO, null, List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5),
                new HttpSettings(8080, InetAddress.getLoopbackAddress(), Optional.empty()),
                new PnpSettings(true, true, List.of(), PnpSettings.DEFAULT_MULTICAST_PORT), GuardSettings.defaults());
    }

    @Test
    void listenPointsCoverEveryTransportOnEveryAddressUdpFirst() throws Exception {
        ServerConfig config = config(5060,
                List.of(InetAddress.getByName("0.0.0.0"), InetAddress.getByName("::")),
                Set.of(Transport.TCP, Transport.UDP));

        assertThat(config.sipListenPoints()).extracting(Object::toString).containsExactly(
                "UDP 0.0.0.0:5060", "UDP [::]:5060", "TCP 0.0.0.0:5060", "TCP [::]:5060");
    }

    @Test
    void tlsListensOnItsOwnPortBesideUdpAndTcp() throws Exception {
        ServerConfig config = config(5060, List.of(InetAddress.getByName("127.0.0.1")),
                Set.of(Transport.UDP, Transport.TLS));

        assertThat(config.sipListenPoints()).extracting(Object::toString).containsExactly(
                "UDP 127.0.0.1:5060", "TLS 127.0.0.1:5061");
        assertThat(config.usesTls()).isTrue();
    }

    @Test
    void dataDirIsMadeAbsolute() throws Exception {
        ServerConfig config = config(5060, List.of(InetAddress.getByName("127.0.0.1")), Set.of(Transport.UDP));

        assertThat(config.dataDir()).isEqualTo(Path.of("").toAbsolutePath().resolve("data"));
    }

    @Test
    void portOutsideRangeIsRejected() throws Exception {
        List<InetAddress> loopback = List.of(InetAddress.getByName("127.0.0.1"));

        assertThatThrownBy(() -> config(0, loopback, Set.of(Transport.UDP)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SIP port 0");
        assertThatThrownBy(() -> config(65536, loopback, Set.of(Transport.UDP)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SIP port 65536");
    }

    @Test
    void transportWithoutImplementationIsRejected() throws Exception {
        List<InetAddress> loopback = List.of(InetAddress.getByName("127.0.0.1"));

        assertThatThrownBy(() -> config(5060, loopback, Set.of(Transport.WS)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsupported SIP transport");
    }

    @Test
    void emptyListsAreRejected() throws Exception {
        assertThatThrownBy(() -> config(5060, List.of(), Set.of(Transport.UDP)))
                .hasMessageContaining("no listen address");
        assertThatThrownBy(() -> config(5060, List.of(InetAddress.getByName("127.0.0.1")), Set.of()))
                .hasMessageContaining("no SIP transport");
    }
}
