package org.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Test support: the network the acceptance tests run in. When the test JVM runs in a network
 * namespace of its own ({@code src/test/netns/bin/java} sets {@code ACCEPTANCE_NETNS=own}),
 * the tests may use the README's default ports and change the namespace's interfaces: the
 * loopback interface's MULTICAST flag, and a veth pair standing for the office LAN. Elsewhere they
 * change nothing about the machine's network. Used from one test thread.
 */
final class TestNetwork {
    /** The office LAN's interface, with our address, and its veth peer, which has none. */
    static final String LAN = "lan0";
    private static final String LAN_PEER = "lan1";
    /** TEST-NET-2 (RFC 5737): used only inside the namespace. */
    static final String LAN_ADDRESS = "198.51.100.1";
    /** From the documentation prefix (RFC 3849): used only inside the namespace. */
    private static final String LAN_IPV6_ADDRESS = "2001:db8::1";
    private static final long COMMAND_SECONDS = 10;

    private TestNetwork() {
    }

    /** Whether the tests run in a network namespace of their own. */
    static boolean own() {
        return "own".equals(System.getenv("ACCEPTANCE_NETNS"));
    }

    /** Sets or clears the loopback interface's MULTICAST flag; only in a namespace of our own. */
    static void loopbackMulticast(boolean on) throws IOException, InterruptedException {
        requireOwn();
        ip("link", "set", "lo", "multicast", on ? "on" : "off");
        assertThat(NetworkInterface.getByName("lo").supportsMulticast()).isEqualTo(on);
    }

    /**
     * Adds the LAN: a veth pair, both ends up, {@value #LAN} with {@value #LAN_ADDRESS}/24 and
     * {@value #LAN_IPV6_ADDRESS}/64 (global addresses that a server falling back to its first
     * interface address would name instead of the loopback ones), and multicast-capable as veth
     * interfaces are; only in a namespace of our own.
     */
    static NetworkInterface addLan() throws IOException, InterruptedException {
        requireOwn();
        ip("link", "add", LAN, "type", "veth", "peer", "name", LAN_PEER);
        ip("addr", "add", LAN_ADDRESS + "/24", "dev", LAN);
        ip("-6", "addr", "add", LAN_IPV6_ADDRESS + "/64", "dev", LAN, "nodad");
        ip("link", "set", LAN, "up");
        ip("link", "set", LAN_PEER, "up");
        NetworkInterface lan = NetworkInterface.getByName(LAN);
        assertThat(lan.supportsMulticast()).isTrue();
        return lan;
    }

    /** Removes the LAN again if it is there. */
    static void removeLan() throws IOException, InterruptedException {
        if (own() && NetworkInterface.getByName(LAN) != null) {
            ip("link", "del", LAN);
        }
    }

    /** The loopback interface if it is up, multicast-capable and has an IPv4 address. */
    static Optional<NetworkInterface> multicastLoopback() throws SocketException {
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nif.isLoopback() && nif.isUp() && nif.supportsMulticast() && ipv4(nif).isPresent()) {
                return Optional.of(nif);
            }
        }
        return Optional.empty();
    }

    /** The interface's first IPv4 address. */
    static Optional<InetAddress> ipv4(NetworkInterface nif) {
        return Collections.list(nif.getInetAddresses()).stream().filter(a -> a instanceof Inet4Address).findFirst();
    }

    private static void requireOwn() {
        if (!own()) {
            throw new IllegalStateException("Not in a network namespace of our own: the machine's interfaces stay as "
                    + "they are");
        }
    }

    private static void ip(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(Arrays.asList(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within " + COMMAND_SECONDS + " s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("%s: %s", command, output).isZero();
    }
}
