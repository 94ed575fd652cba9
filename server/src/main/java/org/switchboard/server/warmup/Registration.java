package org.switchboard.server.warmup;

import java.net.InetSocketAddress;
import java.util.List;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipResponse;

/** A phone's REGISTER, answered 401 and sent again with credentials (RFC 3261 §10.2, §22.2). */
final class Registration extends Exchange {
    private final String user;
    private final String password;
    private final String domain;
    private final InetSocketAddress local;
    private final String fromTag = SipText.newTag();

    Registration(String user, String password, String domain, InetSocketAddress local) {
        this.user = user;
        this.password = password;
        this.domain = domain;
        this.local = local;
    }

    @Override
    byte[] first() {
        return register(1, "");
    }

    @Override
    List<byte[]> onResponse(SipResponse response) {
        int status = response.statusCode();
        if (status == 401 && response.cseq().number() == 1) {
            String credentials = SipText.credentials(response.header(HeaderName.WWW_AUTHENTICATE), "REGISTER",
                    "sip:" + domain, user, password);
            if (credentials == null) {
                fail("challenged with an algorithm the warm-up does not know");
                return List.of();
            }
            return List.of(register(2, "Authorization: " + credentials + "\r\n"));
        }
        if (status >= 200 && status < 300) {
            succeed();
        } else if (status >= 300) {
            fail("REGISTER answered " + status + " " + response.reasonPhrase());
        }
        return List.of();
    }

    private byte[] register(long cseq, String credentials) {
        String aor = "<sip:" + user + "@" + domain + ">";
        return SipText.request("REGISTER", "sip:" + domain, local, "z9hG4bK" + SipText.newTag(),
                aor + ";tag=" + fromTag, aor, callId, cseq, credentials
                        + "Contact: <sip:" + user + "@" + local.getHostString() + ":" + local.getPort() + ">\r\n"
                        + "Expires: 300\r\n");
    }
}
