package org.switchboard.nat.keepalive;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipRequest;

class OptionsPingerTest {

    @Test
    void optionsGoesToTheContactFromTheSocketThePhoneTalksTo() {
        SipRequest options = OptionsPinger.request("sip:201@192.168.1.20:5060",
                new InetSocketAddress("198.51.100.1", 5060), "z9hG4bK-ka1");

        assertThat(options.method()).isEqualTo("OPTIONS");
        assertThat(options.requestUri()).isEqualTo("sip:201@192.168.1.20:5060");
        assertThat(options.topVia().host()).isEqualTo("198.51.100.1");
        assertThat(options.topVia().port()).isEqualTo(5060);
        assertThat(options.topVia().branch()).isEqualTo("z9hG4bK-ka1");
        assertThat(options.topVia().hasRport()).isTrue();
        assertThat(options.headers().firstValue(HeaderName.TO)).isEqualTo("<sip:201@192.168.1.20:5060>");
        assertThat(options.cseq().method()).isEqualTo("OPTIONS");
        assertThat(options.validate()).isNull();
    }
}
