package org.switchboard.testkit.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SIP request or response as a test reads and writes it: the start line, the headers in their
 * order with their raw values, and the body. Parsing is lenient (a test wants to see what the server
 * sent, even if odd) and knows only what a scripted phone needs: compact header names (RFC 3261
 * §7.3.3), comma-separated values, tags and parameters. Building writes Content-Length from the
 * body. Immutable and thread-safe.
 */
public final class SipMessage {
    /** RFC 3261 §7.3.3 compact forms, and RFC 3265 / 3515 / 4028 ones the server may use. */
    private static final Map<String, String> COMPACT = Map.ofEntries(Map.entry("v", "Via"), Map.entry("f", "From"),
            Map.entry("t", "To"), Map.entry("i", "Call-ID"), Map.entry("m", "Contact"), Map.entry("l",
                    "Content-Length"), Map.entry("c", "Content-Type"), Map.entry("k", "Supported"),
            Map.entry("s", "Subject"), Map.entry("e", "Content-Encoding"), Map.entry("o", "Event"),
            Map.entry("r", "Refer-To"), Map.entry("x", "Session-Expires"), Map.entry("u", "Allow-Events"));
    /** Any SIP version, so that a test can write a SIP/7.0 request and read the 505 (RFC 3261 §8.2.2). */
    private static final Pattern STATUS_LINE = Pattern.compile("SIP/\\d+\\.\\d+ (\\d{3}) ?(.*)");
    private static final Pattern REQUEST_LINE = Pattern.compile("([A-Za-z!%*_+`'~.-]+) (\\S+) SIP/\\d+\\.\\d+");

    /** One header field as it appeared, with its name in the long form. */
    public record Header(String name, String value) {
    }

    private final String startLine;
    private final List<Header> headers;
    private final byte[] body;

    private SipMessage(String startLine, List<Header> headers, byte[] body) {
        this.startLine = startLine;
        this.headers = List.copyOf(headers);
        this.body = body.clone();
    }

    /** A request with no headers yet: {@code METHOD uri SIP/2.0}. */
    public static SipMessage request(String method, String requestUri) {
        return new SipMessage(method + " " + requestUri + " SIP/2.0", List.of(), new byte[0]);
    }

    /** A response with no headers yet: {@code SIP/2.0 status reason}. */
    public static SipMessage response(int status, String reason) {
        return new SipMessage("SIP/2.0 " + status + " " + reason, List.of(), new byte[0]);
    }

    /**
     * A response to this request as a UAS forms it (RFC 3261 §8.2.6.2): Via, From, To, Call-ID and
     * CSeq copied, Record-Route where the response may create a dialog
     * (§12.1.1), and a To tag added when {@code toTag} is not null and the To has none.
     */
    public SipMessage responseTo(int status, String reason, String toTag) {
        if (!isRequest()) {
            throw new IllegalStateException("not a request: " + startLine);
        }
        SipMessage response = response(status, reason);
        for (Header h : headers) {
            switch (h.name()) {
                case "Via", "From", "Call-ID", "CSeq", "Record-Route" -> response = response.withAdded(h.name(),
                        h.value());
                case "To" -> response = response.withAdded("To", toTag == null || param(h.value(), "tag").isPresent()
                        ? h.value() : h.value() + ";tag=" + toTag);
                default -> {
                }
            }
        }
        // RFC 3261 §12.1.1: only a dialog-creating response (1xx but 100, 2xx) copies Record-Route.
        return status == 100 || status >= 300 ? response.without("Record-Route") : response;
    }

    /**
     * Parses one message; a stream's framing is the caller's business. Lenient: any line ending,
     * folded lines (RFC 3261 §7.3.1) joined, a body taken as all that follows the blank line.
     *
     * @throws IllegalArgumentException if there is no recognisable start line or header block
     */
    public static SipMessage parse(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int headerEnd = indexOfBlankLine(bytes, offset, end);
        if (headerEnd < 0) {
            throw new IllegalArgumentException("no blank line after the headers");
        }
        String head = new String(bytes, offset, headerEnd - offset, StandardCharsets.UTF_8);
        int bodyStart = headerEnd + (bytes[headerEnd] == '\r' ? 4 : 2);
        byte[] body = Arrays.copyOfRange(bytes, Math.min(bodyStart, end), end);
        String[] lines = head.split("\r?\n");
        String start = lines[0].trim();
        if (!STATUS_LINE.matcher(start).matches() && !REQUEST_LINE.matcher(start).matches()) {
            throw new IllegalArgumentException("not a SIP start line: " + start);
        }
        List<Header> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if ((line.startsWith(" ") || line.startsWith("\t")) && !headers.isEmpty()) {
                Header last = headers.remove(headers.size() - 1);
                headers.add(new Header(last.name(), last.value() + " " + line.trim()));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("not a header line: " + line);
            }
            headers.add(new Header(longName(line.substring(0, colon).trim()), line.substring(colon + 1).trim()));
        }
        return new SipMessage(start, headers, body);
    }

    /** Parses a whole datagram or a framed stream message. */
    public static SipMessage parse(byte[] bytes) {
        return parse(bytes, 0, bytes.length);
    }

    /** Parses text, any line endings. */
    public static SipMessage parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static int indexOfBlankLine(byte[] b, int from, int end) {
        for (int i = from; i + 1 < end; i++) {
            if (b[i] == '\n' && b[i + 1] == '\n') {
                return i;
            }
            if (i + 3 < end && b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The long form of a header name, in the usual capitalisation for well-known ones. */
    static String longName(String name) {
        String compact = COMPACT.get(name.toLowerCase(Locale.ROOT));
        if (compact != null) {
            return compact;
        }
        for (String known : COMPACT.values()) {
            if (known.equalsIgnoreCase(name)) {
                return known;
            }
        }
        return name;
    }

    /** Whether this is a request. */
    public boolean isRequest() {
        return !STATUS_LINE.matcher(startLine).matches();
    }

    /** The request method, or the CSeq method of a response. */
    public String method() {
        if (isRequest()) {
            return startLine.substring(0, startLine.indexOf(' '));
        }
        return cseqMethod();
    }

    /** The Request-URI of a request. */
    public String requestUri() {
        Matcher m = REQUEST_LINE.matcher(startLine);
        if (!m.matches()) {
            throw new IllegalStateException("not a request: " + startLine);
        }
        return m.group(2);
    }

    /** The status code of a response, or 0 for a request. */
    public int status() {
        Matcher m = STATUS_LINE.matcher(startLine);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The reason phrase of a response. */
    public String reason() {
        Matcher m = STATUS_LINE.matcher(startLine);
        if (!m.matches()) {
            throw new IllegalStateException("not a response: " + startLine);
        }
        return m.group(2);
    }

    /** Whether this is a final response (200 to 699). */
    public boolean isFinal() {
        return status() >= 200;
    }

    /** The start line, without its line end. */
    public String startLine() {
        return startLine;
    }

    /** Every header field, in order. */
    public List<Header> headers() {
        return headers;
    }

    /** The first value of a header (long or compact name, any case), if present. */
    public Optional<String> header(String name) {
        String wanted = longName(name);
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(wanted)).map(Header::value).findFirst();
    }

    /** The first value of a header; fails if it is absent. */
    public String requireHeader(String name) {
        return header(name).orElseThrow(() -> new AssertionError("no " + name + " header in\n" + this));
    }

    /**
     * Every value of a header, over all its fields, comma-separated lists split (RFC 3261 §7.3.1)
     * outside quotes and angle brackets.
     */
    public List<String> headerValues(String name) {
        String wanted = longName(name);
        List<String> values = new ArrayList<>();
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(wanted)) {
                values.addAll(splitList(h.value()));
            }
        }
        return values;
    }

    /** The Call-ID. */
    public String callId() {
        return requireHeader("Call-ID");
    }

    /** The CSeq sequence number. */
    public long cseq() {
        return Long.parseLong(requireHeader("CSeq").trim().split("\\s+")[0]);
    }

    /** The CSeq method. */
    public String cseqMethod() {
        return requireHeader("CSeq").trim().split("\\s+")[1];
    }

    /** The From tag, if any. */
    public Optional<String> fromTag() {
        return param(requireHeader("From"), "tag");
    }

    /** The To tag, if any. */
    public Optional<String> toTag() {
        return param(requireHeader("To"), "tag");
    }

    /** The branch of the top Via. */
    public String topBranch() {
        return param(headerValues("Via").get(0), "branch").orElseThrow();
    }

    /** The URIs of the Contact values, without angle brackets or parameters outside them. */
    public List<String> contactUris() {
        return headerValues("Contact").stream().map(SipMessage::uriOf).toList();
    }

    /** The body. */
    public byte[] body() {
        return body.clone();
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** A copy with the first field of this header replaced by the value, or the field added at the end. */
    public SipMessage with(String name, String value) {
        String wanted = longName(name);
        List<Header> copy = new ArrayList<>(headers);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).name().equalsIgnoreCase(wanted)) {
                copy.set(i, new Header(copy.get(i).name(), value));
                return new SipMessage(startLine, copy, body);
            }
        }
        copy.add(new Header(wanted, value));
        return new SipMessage(startLine, copy, body);
    }

    /** A copy with one more field of this header, after the others. */
    public SipMessage withAdded(String name, String value) {
        List<Header> copy = new ArrayList<>(headers);
        copy.add(new Header(longName(name), value));
        return new SipMessage(startLine, copy, body);
    }

    /** A copy with one more field of this header, before all others (a new top Via). */
    public SipMessage withFirst(String name, String value) {
        List<Header> copy = new ArrayList<>(headers);
        copy.add(0, new Header(longName(name), value));
        return new SipMessage(startLine, copy, body);
    }

    /** A copy without any field of this header. */
    public SipMessage without(String name) {
        String wanted = longName(name);
        return new SipMessage(startLine, headers.stream().filter(h -> !h.name().equalsIgnoreCase(wanted)).toList(),
                body);
    }

    /** A copy with this body and its Content-Type. */
    public SipMessage withBody(String contentType, String text) {
        return new SipMessage(startLine, headers, text.getBytes(StandardCharsets.UTF_8)).with("Content-Type",
                contentType);
    }

    /** The wire form: CRLF line ends, Content-Length set to the body's length, then the body. */
    public byte[] encode() {
        StringBuilder text = new StringBuilder(startLine).append("\r\n");
        for (Header h : headers) {
            if (!h.name().equalsIgnoreCase("Content-Length")) {
                text.append(h.name()).append(": ").append(h.value()).append("\r\n");
            }
        }
        text.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] head = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    @Override
    public String toString() {
        return new String(encode(), StandardCharsets.UTF_8);
    }

    /**
     * A parameter of a header value such as {@code <sip:a@b>;tag=1;expires=60}, looked up outside
     * the angle brackets first (RFC 3261 §20.10), then anywhere for values without brackets.
     */
    public static Optional<String> param(String value, String name) {
        int close = value.lastIndexOf('>');
        String params = close >= 0 ? value.substring(close + 1) : value;
        for (String part : params.split(";")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            String key = eq < 0 ? p : p.substring(0, eq).trim();
            if (key.equalsIgnoreCase(name)) {
                return Optional.of(eq < 0 ? "" : unquote(p.substring(eq + 1).trim()));
            }
        }
        return Optional.empty();
    }

    /** The URI in a name-addr or addr-spec value. */
    public static String uriOf(String value) {
        int open = value.indexOf('<');
        if (open >= 0) {
            return value.substring(open + 1, value.indexOf('>', open));
        }
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).trim();
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /** Splits a header value at commas that are outside quoted strings and angle brackets. */
    static List<String> splitList(String value) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int angle = 0;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' && (i == 0 || value.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && c == '<') {
                angle++;
            } else if (!quoted && c == '>') {
                angle--;
            } else if (!quoted && angle == 0 && c == ',') {
                parts.add(value.substring(start, i).trim());
                start = i + 1;
            }
        }
        parts.add(value.substring(start).trim());
        return parts;
    }
}
