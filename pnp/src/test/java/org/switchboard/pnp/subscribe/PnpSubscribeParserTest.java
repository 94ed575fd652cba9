package org.switchboard.pnp.subscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.pnp.subscribe.Subscribes.MULTICAST_FLOW;
import static org.switchboard.pnp.subscribe.Subscribes.snomWith;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.core.message.SipRequest;

class PnpSubscribeParserTest {
    private final PnpSubscribeParser parser = new PnpSubscribeParser();

    private Optional<PnpSubscription> parse(SipRequest request) {
        return parser.parse(request, MULTICAST_FLOW);
    }

    @Test
    void readsMacVendorModelVersionAndContactFromSnomSubscribe() {
        PnpSubscription s = parse(Subscribes.request(Subscribes.SNOM)).orElseThrow();

        assertThat(s.mac().value()).isEqualTo("00041329882c");
        assertThat(s.vendor()).isEqualTo("snom");
        assertThat(s.model()).isEqualTo("snomD785");
        assertThat(s.firmwareVersion()).isEqualTo("10.1.54");
        assertThat(s.contact().uri()).isEqualTo("sip:192.168.10.67:2055");
        assertThat(s.flow()).isEqualTo(MULTICAST_FLOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SUBSCRIBE sip:MAC%3A00041329882C@voip.example.com SIP/2.0",
        "SUBSCRIBE sip:mac%3a00041329882c@voip.example.com SIP/2.0",
        "SUBSCRIBE sip:MAC:00041329882C@voip.example.com SIP/2.0",
    })
    void acceptsMacInRequestUriInAnyCaseEscapedOrNot(String requestLine) {
        assertThat(parse(snomWith("SUBSCRIBE ", requestLine))).map(s -> s.mac().value()).contains("00041329882c");
    }

    @Test
    void acceptsUnquotedProfileTypeAndMissingVendorParameters() {
        PnpSubscription s = parse(snomWith("Event:", "Event: ua-profile;profile-type=device")).orElseThrow();

        assertThat(s.vendor()).isEmpty();
        assertThat(s.model()).isEmpty();
    }

    @Test
    void acceptsApplicationUrlAmongOtherMediaTypes() {
        assertThat(parse(snomWith("Accept:", "Accept: application/xml, Application/URL;q=0.5"))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Event: presence",
        "Event: ua-profile;profile-type=\"user\"",
        "Event: ua-profile",
        "Event: ua-profile;profile-type=\"device",
        "",
    })
    void ignoresOtherEvents(String eventLine) {
        assertThat(parse(snomWith("Event:", eventLine))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Accept: application/xml", ""})
    void ignoresPhonesNotAcceptingAUrl(String acceptLine) {
        assertThat(parse(snomWith("Accept:", acceptLine))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SUBSCRIBE sip:00041329882C@voip.example.com SIP/2.0",
        "SUBSCRIBE sip:MAC%3a00041329882@voip.example.com SIP/2.0",
        "SUBSCRIBE sip:MAC%3a00041329882X@voip.example.com SIP/2.0",
        "SUBSCRIBE sip:voip.example.com SIP/2.0",
    })
    void ignoresRequestUrisWithoutAMac(String requestLine) {
        assertThat(parse(snomWith("SUBSCRIBE ", requestLine))).isEmpty();
    }

    @Test
    void ignoresSubscribeWithoutContact() {
        assertThat(parse(snomWith("Contact:", ""))).isEmpty();
    }

    @Test
    void ignoresSubscribeWithMalformedContact() {
        assertThat(parse(snomWith("Contact:", "Contact: <sip:192.168.10.67:99999>"))).isEmpty();
    }

    @Test
    void ignoresOtherMethods() {
        String options = Subscribes.SNOM.replace("SUBSCRIBE sip:", "OPTIONS sip:").replace("1 SUBSCRIBE", "1 OPTIONS");

        assertThat(parse(Subscribes.request(options))).isEmpty();
    }
}
