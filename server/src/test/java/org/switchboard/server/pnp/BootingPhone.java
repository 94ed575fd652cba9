package org.switchboard.server.pnp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.switchboard.testkit.phone.Phone;
import org.switchboard.testkit.phone.Received;
import org.switchboard.testkit.sip.SipMessage;

/**
 * Test support: a snom phone booting with plug-and-play, step by step as the phone does it: the
 * ua-profile SUBSCRIBE, 200 OK to the NOTIFY, the settings fetch over HTTP, and the REGISTER with
 * the account it found there, answering the digest challenge (qop=auth, RFC 7616 §3.4.1), on a
 * test-kit phone. Used from one test thread.
 */
public final class BootingPhone {
    private static final String SUBSCRIBE = """
            SUBSCRIBE sip:MAC%3aMACADDR@intern.snom.de SIP/2.0
            Via: SIP/2.0/UDP PHONE;branch=z9hG4bK-boot-MACADDR;rport
            From: <sip:MAC%3aMACADDR@intern.snom.de>;tag=2214950433
            To: <sip:MAC%3aMACADDR@intern.snom.de>
            Call-ID: boot-MACADDR@PHONE
            CSeq: 1 SUBSCRIBE
            Event: ua-profile;profile-type="device";vendor="snom";model="snomD785";version="10.1.159.12"
            Expires: 0
            Accept: application/url
            Contact: <sip:PHONE>
            Content-Length: 0

            """;

    private static final String REGISTER = """
            REGISTER sip:HOST SIP/2.0
            Via: SIP/2.0/UDP PHONE;branch=z9hG4bK-reg-MACADDR-1;rport
            Max-Forwards: 70
            From: <sip:USER@HOST>;tag=reg-MACADDR
            To: <sip:USER@HOST>
            Call-ID: reg-MACADDR@PHONE
            CSeq: CSEQ REGISTER
            Contact: <sip:USER@PHONE>
            Expires: 600
            User-Agent: snomD785/10.1.159.12
            Content-Length: 0

            """;

    private final Phone phone;
    private final String mac;
    private final HttpClient http = HttpClient.newHttpClient();

    /** The account a settings file gave the phone. */
    public record Account(String userName, String password, String host, String outbound) {
    }

    /**
     * @param mac the phone's MAC, 12 upper-case hex digits as snom phones send it
     */
    public BootingPhone(Phone phone, String mac) {
        this.phone = phone;
        this.mac = mac;
    }

    /** Sends the SUBSCRIBE to {@code to}, answers the NOTIFY and returns the settings URL it carried. */
    public String subscribe(InetSocketAddress to) {
        phone.sendRaw(SUBSCRIBE.replace("MACADDR", mac).replace("PHONE", phone.sentBy()), to);
        assertThat(phone.next("200 OK to the SUBSCRIBE", Duration.ofSeconds(2)).message().status()).isEqualTo(200);
        Received notify = phone.next("NOTIFY", Duration.ofSeconds(5));
        phone.incoming(notify).respond(200);
        return notify.message().bodyText();
    }

    /** Fetches a URL as the phone does. */
    public HttpResponse<String> fetch(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The first line's account in a snom settings file. */
    public static Account account(String settingsXml) {
        return new Account(setting(settingsXml, "user_name"), setting(settingsXml, "user_pass"),
                setting(settingsXml, "user_host"), setting(settingsXml, "user_outbound"));
    }

    private static String setting(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + " idx=\"1\" perm=\"R\">([^<]*)</" + name + ">").matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    /**
     * REGISTERs {@code account} at {@code registrar}: without credentials first, then with the
     * answer to the 401's challenge, in its algorithm; returns the final response.
     */
    public SipMessage register(Account account, InetSocketAddress registrar) {
        String text = REGISTER.replace("USER", account.userName()).replace("HOST", account.host())
                .replace("MACADDR", mac).replace("CSEQ", "1").replace("PHONE", phone.sentBy());
        return phone.request(SipMessage.parse(text), registrar).expect(401).answer(account.password()).expectFinal();
    }
}
