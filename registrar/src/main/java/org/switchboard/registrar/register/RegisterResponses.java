package org.switchboard.registrar.register;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.SipResponse;
import org.switchboard.core.spi.chain.RequestContext;
import org.switchboard.core.spi.store.Binding;

/** Builds the registrar's responses. Stateless and thread-safe; does not block. */
final class RegisterResponses {
    // RFC 3261 §20.17: rfc1123-date with a two-digit day, always GMT
    private static final DateTimeFormatter SIP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /** A Date value and its second: the 200s of one second share it instead of each formatting it. */
    private record FormattedSecond(long epochSecond, String text) {
    }

    private static volatile FormattedSecond lastDate = new FormattedSecond(Long.MIN_VALUE, "");

    private RegisterResponses() {
    }

    /** The Date header value for {@code now} (RFC 3261 §20.17); thread-safe. */
    static String date(Instant now) {
        FormattedSecond last = lastDate;
        if (last.epochSecond() != now.getEpochSecond()) {
            last = new FormattedSecond(now.getEpochSecond(), SIP_DATE.format(now));
            lastDate = last;
        }
        return last.text();
    }

    /**
     * The 200 OK of RFC 3261 §10.3 step 8: every current binding with its remaining time, a Date
     * header, the Path of the request echoed if the UA supports it (RFC 3327 §5.3), and {@code
     * Require: outbound} when RFC 5626 procedures were applied (§6).
     */
    static SipResponse ok(RequestContext context, List<Binding> current, Instant now, List<String> echoedPath,
            boolean outbound) {
        SipResponse.Builder b = context.responseBuilder(200, "OK").add(HeaderName.DATE, date(now));
        for (Binding binding : current) {
            b.add(HeaderName.CONTACT, contact(binding, now));
        }
        for (String path : echoedPath) {
            b.add(HeaderName.PATH, path);
        }
        if (outbound) {
            b.add(HeaderName.REQUIRE, "outbound");
        }
        return b.build();
    }

    static String contact(Binding binding, Instant now) {
        StringBuilder s = new StringBuilder("<").append(binding.contactUri()).append(">;expires=")
                .append(remainingSeconds(binding, now));
        if (binding.q() != 1.0) {
            s.append(";q=").append(BigDecimal.valueOf(binding.q()).stripTrailingZeros().toPlainString());
        }
        if (binding.instanceId() != null) {
            s.append(";+sip.instance=\"").append(binding.instanceId()).append('"');
        }
        if (binding.regId() > 0) {
            s.append(";reg-id=").append(binding.regId());
        }
        return s.toString();
    }

    /** Whole seconds left, rounded up so that a live binding never shows 0. */
    static long remainingSeconds(Binding binding, Instant now) {
        Duration left = Duration.between(now, binding.expiresAt());
        return left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0);
    }

    static SipResponse status(RequestContext context, int status, String reason) {
        return context.responseBuilder(status, reason).build();
    }
}
