package org.switchboard.nat.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipRequest;

class NatedExpiryClampTest {

    @Test
    void anHourAskedForBecomesTheClampInHeaderAndContact() {
        SipRequest register = withExpires(Requests.register("192.168.1.20:5060", "192.168.1.20:5060"), "3600")
                .toBuilder().remove(HeaderName.CONTACT)
                .add(HeaderName.CONTACT, "<sip:201@192.168.1.20:5060>;expires=1800").build();

        SipRequest clamped = NatedExpiryClamp.clamped(register, 60);

        assertThat(clamped.headers().firstValue(HeaderName.EXPIRES)).isEqualTo("60");
        assertThat(clamped.contacts()).singleElement().satisfies(c -> assertThat(c.params().get("expires"))
                .isEqualTo("60"));
    }

    @Test
    void aRegisterNamingNoTimeGetsTheClampOnItsContact() {
        SipRequest clamped = NatedExpiryClamp.clamped(Requests.register("192.168.1.20:5060", "192.168.1.20:5060"),
                60);

        assertThat(clamped.contacts()).singleElement().satisfies(c -> assertThat(c.params().get("expires"))
                .isEqualTo("60"));
    }

    @Test
    void shorterTimesAndRemovalsStayAsTheyAre() {
        SipRequest shorter = withExpires(Requests.register("192.168.1.20:5060", "192.168.1.20:5060"), "30");
        SipRequest removeAll = withExpires(Requests.register("192.168.1.20:5060", "192.168.1.20:5060"), "0")
                .toBuilder().set(HeaderName.CONTACT, "*").build();

        assertThat(NatedExpiryClamp.clamped(shorter, 60)).isSameAs(shorter);
        assertThat(NatedExpiryClamp.clamped(removeAll, 60)).isSameAs(removeAll);
    }

    private static SipRequest withExpires(SipRequest request, String seconds) {
        return request.toBuilder().set(HeaderName.EXPIRES, seconds).build();
    }
}
