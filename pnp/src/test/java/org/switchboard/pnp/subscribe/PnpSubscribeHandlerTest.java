package org.switchboard.pnp.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.switchboard.core.message.SipRequest;
import org.switchboard.testkit.time.ManualClock;

class PnpSubscribeHandlerTest {
    private static final InetSocketAddress SERVER = new InetSocketAddress("192.168.10.2", 5060);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-05T08:00:00Z"));
    private final PnpSubscribeHandler handler = new PnpSubscribeHandler(new PnpSubscribeParser(),
            new RecentSubscriptions(clock, Duration.ofSeconds(30), 1000), new PnpResponder(),
            (subscription, server) -> "http://" + server.getHostAddress() + "/provisioning/" + subscription.mac() + ".xml");

    @Test
    void newPhoneGetsOkAndNotifyWithUrlForTheInterfaceAddress() {
        PnpOutcome outcome = handler.handle(Subscribes.request(Subscribes.SNOM), Subscribes.MULTICAST_FLOW, SERVER);

        assertThat(outcome).isInstanceOf(PnpOutcome.Answered.class);
        assertThat(((PnpOutcome.Answered) outcome).recordPhone()).isTrue();
        SipRequest notify = ((PnpOutcome.Answered) outcome).answer().notifyRequest();
        assertThat(new String(notify.body(), StandardCharsets.UTF_8))
                .isEqualTo("http://192.168.10.2/provisioning/00041329882c.xml");
    }

    @Test
    void phoneAskingAgainWithinTheWindowGetsItsNotifyButIsNotRecordedAgain() {
        handler.handle(Subscribes.request(Subscribes.SNOM), Subscribes.MULTICAST_FLOW, SERVER);
        clock.advance(Duration.ofSeconds(2));
        SipRequest rebooted = Subscribes.snomWith("Call-ID:", "Call-ID: after-reboot@192.168.10.67");

        PnpOutcome outcome = handler.handle(rebooted, Subscribes.MULTICAST_FLOW, SERVER);

        assertThat(outcome).isInstanceOf(PnpOutcome.Answered.class);
        PnpOutcome.Answered answered = (PnpOutcome.Answered) outcome;
        assertThat(answered.recordPhone()).isFalse();
        assertThat(answered.answer().ok().statusCode()).isEqualTo(200);
        assertThat(answered.answer().notifyRequest().callId()).isEqualTo("after-reboot@192.168.10.67");
        assertThat(new String(answered.answer().notifyRequest().body(), StandardCharsets.UTF_8))
                .isEqualTo("http://192.168.10.2/provisioning/00041329882c.xml");
    }

    @Test
    void phoneIsRecordedAgainOnceTheWindowHasPassed() {
        handler.handle(Subscribes.request(Subscribes.SNOM), Subscribes.MULTICAST_FLOW, SERVER);
        clock.advance(Duration.ofSeconds(31));

        PnpOutcome outcome = handler.handle(Subscribes.request(Subscribes.SNOM), Subscribes.MULTICAST_FLOW, SERVER);

        assertThat(((PnpOutcome.Answered) outcome).recordPhone()).isTrue();
    }

    @Test
    void otherRequestsAreIgnored() {
        SipRequest other = Subscribes.snomWith("Event:", "Event: presence");

        assertThat(handler.handle(other, Subscribes.MULTICAST_FLOW, SERVER)).isInstanceOf(PnpOutcome.Ignored.class);
    }
}
