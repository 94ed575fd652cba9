package org.switchboard.presence.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.transport.Destination;
import org.switchboard.core.transport.Transport;

class NotifyRequestsTest {

    @Test
    void aNotifyIsARequestInTheSubscriptionsDialogFromTheWatchedUser() {
        SubscriberAddress phone = new SubscriberAddress("sip:202@192.0.2.22:5062;transport=tcp",
                List.of("<sip:edge.example.com;lr>"),
                new Destination(Transport.TCP, new InetSocketAddress("192.0.2.22", 40000), 7),
                new InetSocketAddress("192.0.2.1", 5060));
        Subscription subscription = new Subscription(new SubscriptionKey("sub1", "carol-tag", "our-tag"),
                AddressOfRecord.parse("sip:202@example.com"), AddressOfRecord.parse("sip:201@example.com"),
                "<sip:202@example.com>;tag=carol-tag", "<sip:201@example.com>", "dialog", phone, Instant.EPOCH);

        SipRequest notify = new NotifyRequests().build(new Notification(subscription, phone, 4,
                "active;expires=300", "<dialog-info/>", false));

        assertThat(notify.method()).isEqualTo("NOTIFY");
        assertThat(notify.requestUri()).isEqualTo("sip:202@192.0.2.22:5062;transport=tcp");
        assertThat(notify.header(HeaderName.ROUTE)).isEqualTo("<sip:edge.example.com;lr>");
        assertThat(notify.from().uri()).isEqualTo("sip:201@example.com");
        assertThat(notify.from().tag()).isEqualTo("our-tag");
        assertThat(notify.to().tag()).isEqualTo("carol-tag");
        assertThat(notify.callId()).isEqualTo("sub1");
        assertThat(notify.cseq().number()).isEqualTo(4);
        assertThat(notify.topVia().transport()).isEqualTo("TCP");
        assertThat(notify.header(HeaderName.CONTACT)).isEqualTo("<sip:dialog-events@192.0.2.1:5060;transport=tcp>");
        assertThat(notify.header(HeaderName.EVENT)).isEqualTo("dialog");
        assertThat(notify.header(HeaderName.SUBSCRIPTION_STATE)).isEqualTo("active;expires=300");
        assertThat(notify.header(HeaderName.CONTENT_TYPE)).isEqualTo("application/dialog-info+xml");
        assertThat(new String(notify.body(), StandardCharsets.UTF_8)).isEqualTo("<dialog-info/>");
    }
}
