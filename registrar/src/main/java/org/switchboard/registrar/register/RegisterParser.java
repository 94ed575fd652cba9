package org.switchboard.registrar.register;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.NameAddr;
import org.switchboard.core.message.SipParseException;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.spi.reach.ReachPolicy;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.core.transport.Flow;

/**
 * Turns the Contact, Expires, Path and Supported headers of a REGISTER into a {@link
 * RegisterRequest} (RFC 3261 §10.3 step 6 and 7, RFC 3327 §5.3, RFC 5626 §6). Stateless and
 * thread-safe; does not block.
 */
final class RegisterParser {
    /** RFC 3261 §20.10 and §20.19: larger values mean this many seconds. */
    private static final long MAX_DELTA_SECONDS = 4_294_967_295L;
    // RFC 3261 §25.1: qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )
    private static final Pattern Q_VALUE = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    // column sizes of the bindings table: refuse what cannot be stored rather than fail a shared commit
    private static final int MAX_URI = 1024;
    private static final int MAX_TOKEN = 255;
    private static final int MAX_PATH = 4000;

    private final Supplier<ExpiryRules> expiryRules;
    private final ReachPolicy reach;

    /**
     * @param expiryRules read once per REGISTER: the live settings' current rules
     * @param reach decides for each contact whether it is reached over the REGISTER's flow
     */
    RegisterParser(Supplier<ExpiryRules> expiryRules, ReachPolicy reach) {
        this.expiryRules = expiryRules;
        this.reach = reach;
    }

    RegisterRequest parse(SipRequest request, AddressOfRecord aor, Flow flow, Instant now) {
        ExpiryRules expiry = expiryRules.get();
        List<String> rawContacts = request.headers().values(HeaderName.CONTACT);
        Long headerExpires = deltaSeconds(request.headers().firstValue(HeaderName.EXPIRES));
        if (rawContacts.contains("*")) {
            // §10.3 step 6: '*' only alone and with Expires: 0
            if (rawContacts.size() != 1 || headerExpires == null || headerExpires != 0) {
                return new RegisterRequest.Invalid(400, "Contact * needs Expires: 0 and no other contact");
            }
            return new RegisterRequest.RemoveAll();
        }
        if (rawContacts.isEmpty()) {
            return new RegisterRequest.Fetch();
        }
        String callId = request.callId();
        if (callId.length() > MAX_TOKEN) {
            return new RegisterRequest.Invalid(400, "Call-ID too long");
        }
        List<String> path = request.headers().values(HeaderName.PATH);
        if (String.join("\n", path).length() > MAX_PATH) {
            return new RegisterRequest.Invalid(400, "Path too long");
        }
        boolean outboundSupported = hasOptionTag(request, HeaderName.SUPPORTED, "outbound");
        List<NameAddr> contacts;
        try {
            contacts = request.contacts();
        } catch (SipParseException e) {
            return new RegisterRequest.Invalid(400, "Malformed Contact: " + e.getMessage());
        }
        String userAgent = request.headers().firstValue(HeaderName.USER_AGENT);
        if (userAgent != null && userAgent.length() > MAX_TOKEN) {
            userAgent = userAgent.substring(0, MAX_TOKEN);
        }
        List<Binding> bindings = new ArrayList<>(contacts.size());
        int withRegId = 0;
        for (NameAddr contact : contacts) {
            if (!contact.isSip() || contact.uri().length() > MAX_URI) {
                return new RegisterRequest.Invalid(400, "Contact must be a SIP URI of at most " + MAX_URI
                        + " characters");
            }
            String q = contact.params().get("q");
            if (q != null && !Q_VALUE.matcher(q).matches()) {
                return new RegisterRequest.Invalid(400, "Bad q-value " + q);
            }
            // §10.3 step 7: the contact's expires parameter, else the Expires header, else our default
            Long requested = deltaSeconds(contact.params().get("expires"));
            long seconds = requested != null ? requested : headerExpires != null ? headerExpires : expiry.defaultSeconds();
            if (seconds > 0 && seconds < expiry.minSeconds()) {
                return new RegisterRequest.Invalid(423, "Interval Too Brief", HeaderName.MIN_EXPIRES,
                        Long.toString(expiry.minSeconds()));
            }
            seconds = Math.min(seconds, expiry.maxSeconds());
            String instance = contact.params().getUnquoted("+sip.instance");
            if (instance != null && instance.length() > MAX_TOKEN) {
                return new RegisterRequest.Invalid(400, "+sip.instance too long");
            }
            int regId = 0;
            String regIdText = contact.params().get("reg-id");
            // RFC 5626 §6: reg-id counts only with +sip.instance and 'outbound' in Supported
            if (regIdText != null && instance != null && outboundSupported) {
                regId = regId(regIdText);
                if (regId < 1) {
                    return new RegisterRequest.Invalid(400, "Bad reg-id " + regIdText);
                }
                withRegId++;
            }
            bindings.add(new Binding(aor, contact.uri(), q == null ? 1.0 : Double.parseDouble(q),
                    now.plusSeconds(seconds), callId, request.cseq().number(), path, instance, regId, flow, userAgent,
                    reach.reach(request, aor, flow, contact, regId > 0)));
        }
        if (withRegId > 1) {
            // RFC 5626 §6: one flow per REGISTER
            return new RegisterRequest.Invalid(400, "More than one Contact with reg-id");
        }
        if (withRegId == 1 && !path.isEmpty() && !firstHopSupportsOutbound(path.get(path.size() - 1))) {
            // RFC 5626 §6: the edge proxy (bottom Path entry) must have added 'ob'
            return new RegisterRequest.Invalid(439, "First Hop Lacks Outbound Support");
        }
        return new RegisterRequest.Update(bindings, withRegId == 1);
    }

    static boolean hasOptionTag(SipRequest request, HeaderName header, String tag) {
        for (String value : request.headers().values(header)) {
            if (value.trim().equalsIgnoreCase(tag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A delta-seconds value; {@code null} if absent or malformed (RFC 3261 §20.10, §20.19: a malformed
     * value counts as the default).
     */
    private static Long deltaSeconds(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (!DIGITS.matcher(v).matches()) {
            return v.matches("[0-9]+") ? MAX_DELTA_SECONDS : null;
        }
        return Math.min(Long.parseLong(v), MAX_DELTA_SECONDS);
    }

    private static int regId(String text) {
        if (!text.matches("[0-9]{1,10}")) {
            return -1;
        }
        long id = Long.parseLong(text);
        return id > Integer.MAX_VALUE ? -1 : (int) id;
    }

    private static boolean firstHopSupportsOutbound(String pathValue) {
        try {
            NameAddr hop = NameAddr.parse(pathValue);
            return hop.isSip() && hop.sipUri().params().has("ob");
        } catch (SipParseException e) {
            return false;
        }
    }
}
