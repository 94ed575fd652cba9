package org.switchboard.core.message;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A header name, compared case-insensitively, with its compact form (RFC 3261 §7.3.3) folded in:
 * {@code v}, {@code Via} and {@code VIA} are the same name.
 *
 * <p>Well-known names are interned constants; {@link #of(byte[], int, int)} finds them a word at a time
 * without allocating, so the hot path creates no strings for the headers a proxy reads.
 */
public final class HeaderName {
    private static final Map<String, HeaderName> KNOWN = new HashMap<>();
    /** How many known names exist so far; each takes the next bit of {@link #bit()}. */
    private static int knownCount;
    /** How many names have a {@link #firstLineSlot()}: two {@code long}s of eight one-byte slots. */
    static final int INDEXED = 16;

    public static final HeaderName VIA = known("Via", 'v', true);
    public static final HeaderName FROM = known("From", 'f', false);
    public static final HeaderName TO = known("To", 't', false);
    public static final HeaderName CALL_ID = known("Call-ID", 'i', false);
    public static final HeaderName CSEQ = known("CSeq", '\0', false);
    public static final HeaderName MAX_FORWARDS = known("Max-Forwards", '\0', false);
    public static final HeaderName CONTACT = known("Contact", 'm', true);
    public static final HeaderName ROUTE = known("Route", '\0', true);
    public static final HeaderName RECORD_ROUTE = known("Record-Route", '\0', true);
    public static final HeaderName CONTENT_LENGTH = known("Content-Length", 'l', false);
    public static final HeaderName CONTENT_TYPE = known("Content-Type", 'c', false);
    public static final HeaderName CONTENT_ENCODING = known("Content-Encoding", 'e', true);
    public static final HeaderName SUBJECT = known("Subject", 's', false);
    public static final HeaderName SUPPORTED = known("Supported", 'k', true);
    public static final HeaderName REQUIRE = known("Require", '\0', true);
    public static final HeaderName PROXY_REQUIRE = known("Proxy-Require", '\0', true);
    public static final HeaderName UNSUPPORTED = known("Unsupported", '\0', true);
    public static final HeaderName ALLOW = known("Allow", '\0', true);
    public static final HeaderName ACCEPT = known("Accept", '\0', true);
    public static final HeaderName ACCEPT_ENCODING = known("Accept-Encoding", '\0', true);
    public static final HeaderName ACCEPT_LANGUAGE = known("Accept-Language", '\0', true);
    public static final HeaderName EXPIRES = known("Expires", '\0', false);
    public static final HeaderName MIN_EXPIRES = known("Min-Expires", '\0', false);
    public static final HeaderName EVENT = known("Event", 'o', false);
    public static final HeaderName ALLOW_EVENTS = known("Allow-Events", 'u', true);
    public static final HeaderName REFER_TO = known("Refer-To", 'r', false);
    public static final HeaderName REFERRED_BY = known("Referred-By", 'b', false);
    public static final HeaderName SESSION_EXPIRES = known("Session-Expires", 'x', false);
    public static final HeaderName ACCEPT_CONTACT = known("Accept-Contact", 'a', true);
    public static final HeaderName REJECT_CONTACT = known("Reject-Contact", 'j', true);
    public static final HeaderName REQUEST_DISPOSITION = known("Request-Disposition", 'd', true);
    public static final HeaderName IDENTITY = known("Identity", 'y', false);
    public static final HeaderName AUTHORIZATION = known("Authorization", '\0', false);
    public static final HeaderName PROXY_AUTHORIZATION = known("Proxy-Authorization", '\0', false);
    public static final HeaderName WWW_AUTHENTICATE = known("WWW-Authenticate", '\0', false);
    public static final HeaderName PROXY_AUTHENTICATE = known("Proxy-Authenticate", '\0', false);
    public static final HeaderName USER_AGENT = known("User-Agent", '\0', false);
    public static final HeaderName SERVER = known("Server", '\0', false);
    public static final HeaderName DATE = known("Date", '\0', false);
    public static final HeaderName TIMESTAMP = known("Timestamp", '\0', false);
    public static final HeaderName RETRY_AFTER = known("Retry-After", '\0', false);
    public static final HeaderName WARNING = known("Warning", '\0', true);
    public static final HeaderName REASON = known("Reason", '\0', true);
    public static final HeaderName PATH = known("Path", '\0', true);
    public static final HeaderName SUBSCRIPTION_STATE = known("Subscription-State", '\0', false);
    public static final HeaderName IN_REPLY_TO = known("In-Reply-To", '\0', true);
    public static final HeaderName ORGANIZATION = known("Organization", '\0', false);
    public static final HeaderName PRIORITY = known("Priority", '\0', false);
    public static final HeaderName MIME_VERSION = known("MIME-Version", '\0', false);
    public static final HeaderName CONTENT_DISPOSITION = known("Content-Disposition", '\0', false);
    public static final HeaderName RSEQ = known("RSeq", '\0', false);
    public static final HeaderName RACK = known("RAck", '\0', false);

    /** Every spelling in {@link #KNOWN}, made after the constants above have put theirs there. */
    private static final SpellingTable SPELLINGS = new SpellingTable(KNOWN);

    private final String canonical;
    private final String key;
    private final boolean commaList;
    private final boolean known;
    private final long bit;
    private final int firstLineSlot;

    private HeaderName(String canonical, boolean commaList, boolean known, long bit) {
        this.canonical = canonical;
        this.key = canonical.toLowerCase(Locale.ROOT);
        this.commaList = commaList;
        this.known = known;
        this.bit = bit;
        int ordinal = Long.numberOfTrailingZeros(bit);
        this.firstLineSlot = known && ordinal < INDEXED ? ordinal : -1;
    }

    private static HeaderName known(String canonical, char compact, boolean commaList) {
        if (knownCount == Long.SIZE) {
            throw new IllegalStateException("More known header names than bits in a long");
        }
        HeaderName name = new HeaderName(canonical, commaList, true, 1L << knownCount++);
        KNOWN.put(name.key, name);
        if (compact != '\0') {
            KNOWN.put(String.valueOf(compact), name);
        }
        return name;
    }

    /** The name for a header name spelled in {@code b[off, off+len)}, in any case or compact form. */
    public static HeaderName of(byte[] b, int off, int len) {
        HeaderName known = known(b, off, len);
        return known != null ? known
                : new HeaderName(new String(b, off, len, StandardCharsets.US_ASCII), false, false, 0);
    }

    /**
     * The known name spelled in {@code b[off, off+len)}, in any case or compact form, or {@code null}.
     * Every known spelling is a token, so a match also proves the bytes are one.
     */
    static HeaderName known(byte[] b, int off, int len) {
        return SPELLINGS.find(b, off, len);
    }

    /** The name for a spelling, in any case or compact form. */
    public static HeaderName of(String name) {
        HeaderName known = KNOWN.get(name.toLowerCase(Locale.ROOT));
        return known != null ? known : new HeaderName(name, false, false, 0);
    }

    /** The name as it is written in messages we build, e.g. {@code Call-ID}. */
    public String canonical() {
        return canonical;
    }

    /** Whether this is one of the constants above (each a single instance). */
    boolean isKnown() {
        return known;
    }

    /**
     * A bit of its own for each known name, so that a set of known names fits in a {@code long}
     * ({@link Headers} notes which it holds); 0 for any other name.
     */
    long bit() {
        return bit;
    }

    /**
     * For the first {@value #INDEXED} known names (declared first because a proxy reads them on
     * every message), a slot of its own in which {@link Headers} notes the index of the name's first
     * line, so that finding it needs no scan; -1 for any other name.
     */
    int firstLineSlot() {
        return firstLineSlot;
    }

    /**
     * Whether the header's grammar is a comma-separated list ({@code Via}, {@code Contact}, ...), so
     * that one header line may carry several values.
     */
    public boolean isCommaList() {
        return commaList;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        // each known name is a single instance, and an unknown one never has a known name's key
        return o instanceof HeaderName other && !(known || other.known) && other.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return canonical;
    }
}
