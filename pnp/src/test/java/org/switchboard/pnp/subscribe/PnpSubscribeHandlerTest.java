package org.switchboard.pnp.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.switchboard.core.message.SipRequest;
import org.switchboard.pnp.ManualClock;

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
        SipRequest notify = ((PnpOutcome.Answered) outcome).answer().notifyRequest();
        assertThat(new String(notify.body(), StandardCharsets.UTF_8))
                .isEqualTo("http://192.168.10.2/provisioning/00041329882c.xml");
    }

    @Test
    void repeatedSubscribeGetsOnlyTheOk() {
        handler.handle(Subscribes.request(Subscribes.SNOM), Subscribes.MULTICAST_FLOW, SERVER);
        clock.advance(Duration.ofSeconds(2));

        PnpOutcome outcome = handler.handle(Subscribes.request(Subscribes.SNOM), Subscribes.MULTICAST_FLOW, SERVER);

        assertThat(outcome).isInstanceOf(PnpOutcome.Repeated.class);
        assertThat(((PnpOutcome.Repeated) outcome).ok().statusCode()).isEqualTo(200);
    }

    @Test
    void otherRequestsAreIgnored() {
        SipRequest other = Subscribes.snomWith("Event:", "Event: presence");

        assertThat(handler.handle(other, Subscribes.MULTICAST_FLOW, SERVER)).isInstanceOf(PnpOutcome.Ignored.class);
    }
}
