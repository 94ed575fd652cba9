package org.switchboard.core.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.core.transport.netty.SipTestMessages.options;

import io.netty.channel.epoll.Epoll;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.core.transport.ListenPoint;
import org.switchboard.core.transport.Transport;

class NettyTransportLayerLifecycleTest {
    private static final InetAddress IPV4 = InetAddress.getLoopbackAddress();

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void startsOnEpollOrNioAndReportsTheBoundPortsAndEventLoops(boolean preferEpoll) throws Exception {
        TransportConfig config = RunningTransports.config(IPV4).withPreferEpoll(preferEpoll).withEventLoopThreads(2);
        try (RunningTransports transports = RunningTransports.on(IPV4, config)) {
            assertThat(transports.layer.usesEpoll()).isEqualTo(preferEpoll && Epoll.isAvailable());
            assertThat(transports.layer.eventLoops()).hasSize(2);
            assertThat(transports.layer.boundListenPoints()).extracting(ListenPoint::transport)
                    .containsExactlyInAnyOrder(Transport.UDP, Transport.TCP);
            assertThat(transports.layer.boundListenPoints()).allSatisfy(lp ->
                    assertThat(lp.address().getPort()).isPositive());

            sendUdp(options("SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK-l1", "l1@test"), transports.address(Transport.UDP));
            assertThat(transports.next().message().callId()).isEqualTo("l1@test");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void ipv4AndIpv6WildcardsOnOnePortBothServeIpv4(boolean preferEpoll) throws Exception {
        Assumptions.assumeTrue(RunningTransports.ipv6LoopbackAvailable(),
                "IPv6 loopback ::1 is not available on this machine; dual wildcard test skipped");
        int port = freeTcpPort();
        TransportConfig config = TransportConfig.withListenPoints(List.of(
                        new ListenPoint(Transport.UDP, new InetSocketAddress("0.0.0.0", port)),
                        new ListenPoint(Transport.UDP, new InetSocketAddress("::", port))))
                .withPreferEpoll(preferEpoll).withEventLoopThreads(1);
        try (RunningTransports transports = RunningTransports.on(IPV4, config)) {
            sendUdp(options("SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK-w4", "w4@test"), new InetSocketAddress(IPV4, port));
            assertThat(transports.next().message().callId()).isEqualTo("w4@test");
            sendUdp(options("SIP/2.0/UDP [::1];branch=z9hG4bK-w6", "w6@test"),
                    new InetSocketAddress(InetAddress.getByName("::1"), port));
            assertThat(transports.next().message().callId()).isEqualTo("w6@test");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void ipv4AndIpv6WildcardsShareTheSipPortWithTheMulticastGroup(boolean preferEpoll) throws Exception {
        Assumptions.assumeTrue(RunningTransports.ipv6LoopbackAvailable(),
                "IPv6 loopback ::1 is not available on this machine; wildcard and multicast test skipped");
        Optional<String> loopback = multicastLoopback();
        Assumptions.assumeTrue(loopback.isPresent(), "The loopback interface has no MULTICAST flag (on Linux: "
                + "ip link set lo multicast on); skipped here, the server's acceptance suite covers it in a namespace");
        int port = freeTcpPort();
        TransportConfig config = TransportConfig.withListenPoints(List.of(
                        new ListenPoint(Transport.UDP, new InetSocketAddress("0.0.0.0", port)),
                        new ListenPoint(Transport.UDP, new InetSocketAddress("::", port)),
                        new ListenPoint(Transport.TCP, new InetSocketAddress("0.0.0.0", port)),
                        new ListenPoint(Transport.TCP, new InetSocketAddress("::", port))))
                .withPreferEpoll(preferEpoll).withEventLoopThreads(1);
        NettyTransportLayer layer = new NettyTransportLayer(config, m -> { });
        layer.enableMulticast(new MulticastConfig(MulticastConfig.SIP_GROUP, port, List.of(loopback.get()), r -> true));
        try {
            layer.start();
            assertThat(layer.boundListenPoints()).extracting(lp -> lp.transport() + " " + lp.address().getPort())
                    .contains("UDP " + port, "TCP " + port);
        } finally {
            layer.stop();
        }
    }

    @Test
    void aForeignSocketOnTheSharedPortFailsTheStartBeforeAnythingIsBound() throws Exception {
        int port = freeTcpPort();
        try (DatagramChannel foreign = DatagramChannel.open(StandardProtocolFamily.INET)) {
            // same user and SO_REUSEPORT: without the probe the kernel would let both share the port
            foreign.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            foreign.bind(new InetSocketAddress("0.0.0.0", port));
            TransportConfig config = TransportConfig.withListenPoints(List.of(
                            new ListenPoint(Transport.TCP, new InetSocketAddress(IPV4, port)),
                            new ListenPoint(Transport.UDP, new InetSocketAddress("0.0.0.0", port))))
                    .withEventLoopThreads(1);
            NettyTransportLayer layer = new NettyTransportLayer(config, m -> { });
            layer.enableMulticast(new MulticastConfig(MulticastConfig.SIP_GROUP, port, List.of(), r -> true));

            assertThatThrownBy(layer::start).isInstanceOf(IOException.class)
                    .hasMessageContaining("UDP 0.0.0.0:" + port).hasMessageContaining("is in use");
        }
        try (ServerSocket tcp = new ServerSocket(port, 1, IPV4)) {
            assertThat(tcp.isBound()).as("the TCP listen point was never bound").isTrue();
        }
    }

    @Test
    void stopReleasesTheListenPorts() throws Exception {
        InetSocketAddress tcp;
        try (RunningTransports transports = RunningTransports.on(IPV4)) {
            tcp = transports.address(Transport.TCP);
        }
        try (ServerSocket again = new ServerSocket()) {
            again.setReuseAddress(true);
            again.bind(tcp);
            assertThat(again.isBound()).isTrue();
        }
    }

    @Test
    void portInUseFailsTheStartWithTheListenPointNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, IPV4)) {
            TransportConfig config = TransportConfig.withListenPoints(List.of(
                    new ListenPoint(Transport.TCP, (InetSocketAddress) taken.getLocalSocketAddress())))
                    .withEventLoopThreads(1);
            NettyTransportLayer layer = new NettyTransportLayer(config, m -> { });
            assertThatThrownBy(layer::start).isInstanceOf(IOException.class)
                    .hasMessageContaining("TCP 127.0.0.1:" + taken.getLocalPort());
        }
    }

    private static Optional<String> multicastLoopback() throws SocketException {
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            boolean ipv4 = Collections.list(nif.getInetAddresses()).stream().anyMatch(a -> a instanceof Inet4Address);
            if (nif.isLoopback() && nif.isUp() && nif.supportsMulticast() && ipv4) {
                return Optional.of(nif.getName());
            }
        }
        return Optional.empty();
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void sendUdp(String message, InetSocketAddress to) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(to.getAddress(), 0))) {
            byte[] b = message.getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(b, b.length, to));
        }
    }
}
