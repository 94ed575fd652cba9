package org.switchboard.presence.pickup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.message.SipRequest;
import org.switchboard.presence.Messages;

class PickupRequestTest {

    private static SipRequest inviteTo(String uri) {
        return Messages.request("INVITE " + uri + " SIP/2.0\n"
                + "Via: SIP/2.0/UDP 192.0.2.22:5060;branch=z9hG4bKp1\n"
                + "Max-Forwards: 70\n"
                + "From: <sip:202@example.com>;tag=p\n"
                + "To: <" + uri + ">\n"
                + "Call-ID: pick1\n"
                + "CSeq: 1 INVITE\n"
                + "Content-Length: 0\n\n");
    }

    @Test
    void theExtensionAfterThePickupCodeIsAUserOfTheDialledDomain() {
        assertThat(PickupRequest.dialledExtension(inviteTo("sip:*8201@Example.com"), "*8"))
                .contains(new AddressOfRecord("201", "example.com"));
        assertThat(PickupRequest.dialledExtension(inviteTo("sip:**201@example.com;user=phone"), "**"))
                .contains(new AddressOfRecord("201", "example.com"));
    }

    @Test
    void noCodeTheCodeAloneOrAnotherNumberIsNoPickup() {
        assertThat(PickupRequest.dialledExtension(inviteTo("sip:*8201@example.com"), "")).isEmpty();
        assertThat(PickupRequest.dialledExtension(inviteTo("sip:*8@example.com"), "*8")).isEmpty();
        assertThat(PickupRequest.dialledExtension(inviteTo("sip:201@example.com"), "*8")).isEmpty();
        assertThat(PickupRequest.dialledExtension(inviteTo("tel:*8201"), "*8")).isEmpty();
    }

    @Test
    void theReplacedCallIdIsWhatComesBeforeTheParameters() {
        assertThat(PickupRequest.replacedCallId("abc@host;to-tag=1;from-tag=2")).contains("abc@host");
        assertThat(PickupRequest.replacedCallId(" abc@host ")).contains("abc@host");
        assertThat(PickupRequest.replacedCallId(null)).isEmpty();
        assertThat(PickupRequest.replacedCallId(";to-tag=1")).isEmpty();
    }
}
