package org.switchboard.server.nat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.switchboard.testkit.phone.Incoming;
import org.switchboard.testkit.phone.Phone;
import org.switchboard.testkit.phone.Received;
import org.switchboard.testkit.server.SwitchboardServer;
import org.switchboard.testkit.sip.Match;
import org.switchboard.testkit.sip.SipMessage;

/**
 * The NAT gateway's keep-alives and STUN on the SIP port, over real UDP on 127.0.0.1: a phone
 * registered from behind a NAT gets OPTIONS pings over its flow at the configured interval; a STUN
 * Binding request on the SIP port is answered with the phone's address (RFC 5626 §4.4.2).
 */
class NatKeepAliveEndToEndTest {
    private static final String DOMAIN = "example.com";
    private static final String PASSWORD = "keepalive-secret-1";
    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    final SwitchboardServer server = SwitchboardServer.create().withoutHttp().user(DOMAIN, "401", PASSWORD)
            .user(DOMAIN, "402", PASSWORD).option("nat.keepaliveInterval", "1s");

    @Test
    void natedPhoneIsPingedWithOptionsOverItsFlow() {
        try (Phone phone = server.phone("401").timeout(WAIT).open()) {
            String privateContact = "sip:401@192.168.77.20:5060";
            SipMessage register = phone.newRequest("REGISTER", "sip:" + DOMAIN)
                    .with("To", "<" + phone.aor() + ">")
                    .with("Via", "SIP/2.0/UDP 192.168.77.20:5060;rport;branch=z9hG4bK-ka-" + System.nanoTime())
                    .with("Contact", "<" + privateContact + ">")
                    .with("Expires", "3600");
            assertThat(phone.send(register).expectChallenge().answer().expectFinal().status()).isEqualTo(200);

            for (int ping = 1; ping <= 2; ping++) {
                Incoming options = phone.expect("OPTIONS");
                assertThat(options.request().requestUri()).as("ping %d", ping).isEqualTo(privateContact);
                options.respond(200);
            }
        }
    }

    @Test
    void phoneNotBehindNatIsNotPinged() {
        try (Phone phone = server.phone("402").timeout(WAIT).open()) {
            assertThat(phone.register().expectChallenge().answer().expectFinal().status()).isEqualTo(200);

            phone.expectNothing(Match.request("OPTIONS"), Duration.ofMillis(2500));
        }
    }

    @Test
    void stunBindingRequestOnTheSipPortIsAnsweredWithTheSendersAddress() throws Exception {
        try (Phone phone = server.phone("401").timeout(WAIT).open()) {
            String id = "0a0b0c0d0e0f101112131415";
            phone.sendRaw(HexFormat.of().parseHex("00010000" + "2112a442" + id));

            Received answer = phone.poll(WAIT);
            assertThat(answer).as("a STUN answer").isNotNull();
            ByteBuffer response = ByteBuffer.wrap(answer.bytes());
            assertThat(response.getShort(0)).as("Binding success").isEqualTo((short) 0x0101);
            assertThat(HexFormat.of().formatHex(Arrays.copyOfRange(answer.bytes(), 8, 20))).isEqualTo(id);
            assertThat(xorMapped(response)).isEqualTo(phone.localAddress());
        }
    }

    /** XOR-MAPPED-ADDRESS (RFC 5389 §15.2) of a response. */
    private static InetSocketAddress xorMapped(ByteBuffer response) throws Exception {
        int at = 20;
        while (at + 4 <= response.limit()) {
            int type = response.getShort(at) & 0xFFFF;
            int length = response.getShort(at + 2) & 0xFFFF;
            if (type == 0x0020) {
                int port = (response.getShort(at + 6) & 0xFFFF) ^ 0x2112;
                byte[] address = new byte[length - 4];
                response.get(at + 8, address);
                for (int i = 0; i < address.length; i++) {
                    address[i] ^= response.get(4 + i);
                }
                return new InetSocketAddress(InetAddress.getByAddress(address), port);
            }
            at += 4 + ((length + 3) & ~3);
        }
        throw new AssertionError("no XOR-MAPPED-ADDRESS");
    }
}
