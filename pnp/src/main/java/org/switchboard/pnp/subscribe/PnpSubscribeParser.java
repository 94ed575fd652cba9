package org.switchboard.pnp.subscribe;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.NameAddr;
import org.switchboard.core.message.SipMethod;
import org.switchboard.core.message.SipParseException;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.transport.Flow;
import org.switchboard.pnp.MacAddress;

/**
 * Recognises a plug-and-play SUBSCRIBE: method SUBSCRIBE, {@code Event: ua-profile} with
 * {@code profile-type=device} (the RFC 6080 §6 event package; quoted or not), an Accept that lists
 * {@code application/url} (snom's way of asking for the settings URL instead of RFC 6080's content
 * indirection), one SIP Contact, and a
 * Request-URI user {@code MAC%3a<12 hex>} (or {@code MAC:<hex>}, any case) as snom phones send.
 *
 * <p>Anything else yields empty, never an exception, so the multicast listener can drop it
 * without answering. Stateless and thread-safe.
 */
public final class PnpSubscribeParser {
    private static final String EVENT_PACKAGE = "ua-profile";
    private static final String PROFILE_TYPE_DEVICE = "device";
    private static final String URL_MEDIA_TYPE = "application/url";
    private static final String MAC_PREFIX = "mac:";

    /**
     * The subscription described by {@code request}, or empty if it is not a device ua-profile
     * SUBSCRIBE asking for a URL.
     *
     * @param flow how the request arrived, kept in the subscription
     */
    public Optional<PnpSubscription> parse(SipRequest request, Flow flow) {
        try {
            return parseStrictly(request, flow);
        } catch (SipParseException | IllegalArgumentException malformed) {
            // IllegalArgumentException: a bad %-escape in the Request-URI user
            return Optional.empty();
        }
    }

    /**
     * Whether {@code request} is a plug-and-play SUBSCRIBE, as {@link #parse} would accept it. Used
     * as the multicast filter, before a transaction exists: never throws, never blocks.
     */
    public boolean recognises(SipRequest request) {
        try {
            return recognisedMac(request).isPresent();
        } catch (SipParseException | IllegalArgumentException malformed) {
            return false;
        }
    }

    private static Optional<PnpSubscription> parseStrictly(SipRequest request, Flow flow) {
        Optional<MacAddress> mac = recognisedMac(request);
        if (mac.isEmpty()) {
            return Optional.empty();
        }
        EventHeader e = EventHeader.parse(request.header(HeaderName.EVENT)).orElseThrow();
        return Optional.of(new PnpSubscription(mac.get(), e.param("vendor"), e.param("model"), e.param("version"),
                request.contacts().get(0), flow));
    }

    /** The MAC of a plug-and-play SUBSCRIBE, or empty for any other request. */
    private static Optional<MacAddress> recognisedMac(SipRequest request) {
        if (!request.isMethod(SipMethod.SUBSCRIBE)) {
            return Optional.empty();
        }
        Optional<EventHeader> event = EventHeader.parse(request.header(HeaderName.EVENT));
        if (event.isEmpty() || !event.get().type().equalsIgnoreCase(EVENT_PACKAGE)
                || !event.get().param("profile-type").equalsIgnoreCase(PROFILE_TYPE_DEVICE)) {
            return Optional.empty();
        }
        if (!acceptsUrl(request.headers().values(HeaderName.ACCEPT))) {
            return Optional.empty();
        }
        List<NameAddr> contacts = request.contacts();
        if (contacts.size() != 1 || !contacts.get(0).isSip()) {
            return Optional.empty();
        }
        // parsed here so that a malformed Contact makes the request not ours instead of failing later
        contacts.get(0).sipUri();
        return macOf(request.sipRequestUri());
    }

    private static boolean acceptsUrl(List<String> accept) {
        for (String range : accept) {
            int semi = range.indexOf(';');
            String type = (semi < 0 ? range : range.substring(0, semi)).trim();
            if (type.equalsIgnoreCase(URL_MEDIA_TYPE)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The MAC in the user part. {@code MAC%3a...} arrives as one escaped user; {@code MAC:...}
     * parses as user {@code MAC} with the digits as the RFC 3261 §19.1.1 password field.
     */
    private static Optional<MacAddress> macOf(SipUri uri) {
        if (uri.user() == null) {
            return Optional.empty();
        }
        String user = URLDecoder.decode(uri.user().replace("+", "%2B"), StandardCharsets.UTF_8);
        if (uri.password() != null) {
            user = user + ':' + uri.password();
        }
        if (!user.toLowerCase(Locale.ROOT).startsWith(MAC_PREFIX)) {
            return Optional.empty();
        }
        return MacAddress.parse(user.substring(MAC_PREFIX.length()));
    }
}
