package org.switchboard.core.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.core.proxy.RecordingContext.request;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.switchboard.core.message.HeaderName;

class CoreProcessorsTest {
    private final LocalAddresses local = new LocalAddresses(Set.of("127.0.0.1", "pbx.example.com", "[::1]"), Set.of(5060));
    private final ServerCapabilities capabilities = ServerCapabilities.defaults();
    private final RequestChain chain = CoreProcessors.chain(local, capabilities);

    private RecordingContext run(String raw) {
        RecordingContext context = RecordingContext.of(raw);
        chain.process(context);
        return context;
    }

    @Test
    void answersOptionsToTheServerWithAllowAcceptAndSupported() {
        var response = run(request("OPTIONS", "sip:pbx.example.com", "")).onlyResponse();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header(HeaderName.ALLOW)).contains("INVITE", "OPTIONS", "CANCEL");
        assertThat(response.header(HeaderName.ACCEPT)).isEqualTo("application/sdp");
        assertThat(response.headers().contains(HeaderName.SUPPORTED)).isTrue();
        assertThat(response.to().tag()).isEqualTo("local-tag");
    }

    @Test
    void answersOptionsToAnIpv6ReferenceOfTheServer() {
        assertThat(run(request("OPTIONS", "sip:[::1]:5060", "")).onlyResponse().statusCode()).isEqualTo(200);
    }

    @Test
    void answersOptionsWithMaxForwardsZeroWhenAddressedToTheServer() {
        String raw = request("OPTIONS", "sip:127.0.0.1", "").replace("Max-Forwards: 70", "Max-Forwards: 0");
        assertThat(run(raw).onlyResponse().statusCode()).isEqualTo(200);
    }

    @Test
    void refusesToForwardWithMaxForwardsZero() {
        String raw = request("INVITE", "sip:bob@elsewhere.example.org", "").replace("Max-Forwards: 70", "Max-Forwards: 0");
        var response = run(raw).onlyResponse();
        assertThat(response.statusCode()).isEqualTo(483);
        assertThat(response.reasonPhrase()).isEqualTo("Too Many Hops");
    }

    @Test
    void rejectsUnsupportedUriSchemeWith416() {
        assertThat(run(request("INVITE", "tel:+4930123456", "")).onlyResponse().statusCode()).isEqualTo(416);
    }

    @Test
    void rejectsWrongSipVersionWith505() {
        String raw = request("OPTIONS", "sip:pbx.example.com", "").replace("sip:pbx.example.com SIP/2.0", "sip:pbx.example.com SIP/7.0");
        assertThat(run(raw).onlyResponse().statusCode()).isEqualTo(505);
    }

    @Test
    void answersUnknownMethodWith501AndAllow() {
        var response = run(request("FOO", "sip:pbx.example.com", "")).onlyResponse();
        assertThat(response.statusCode()).isEqualTo(501);
        assertThat(response.header(HeaderName.ALLOW)).contains("INVITE");
    }

    @Test
    void answersUnroutableTargetWith404() {
        assertThat(run(request("INVITE", "sip:nobody@pbx.example.com", "")).onlyResponse().statusCode()).isEqualTo(404);
    }

    @Test
    void rejectsProxyRequireWith420ListingTheOptions() {
        var response = run(request("INVITE", "sip:bob@pbx.example.com", "Proxy-Require: foo, bar\n")).onlyResponse();
        assertThat(response.statusCode()).isEqualTo(420);
        assertThat(response.header(HeaderName.UNSUPPORTED)).isEqualTo("foo, bar");
    }

    @Test
    void rejectsRequireOnlyWhenAddressedToTheServer() {
        assertThat(run(request("OPTIONS", "sip:pbx.example.com", "Require: nosuch\n")).onlyResponse().statusCode())
                .isEqualTo(420);
        assertThat(run(request("INVITE", "sip:bob@other.example.org", "Require: 100rel\n")).onlyResponse().statusCode())
                .isEqualTo(404);
    }

    @Test
    void answersMalformedHeaderTouchedByAProcessorWith400() {
        String raw = request("INVITE", "sip:bob@pbx.example.com", "Proxy-Require: \"unterminated\n");
        var response = run(raw).onlyResponse();
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.reasonPhrase()).contains("quoted");
    }
}
