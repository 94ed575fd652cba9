package org.switchboard.core.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** State and lazy accessors shared by requests and responses. */
abstract class MessageBase {
    static final byte[] NO_BODY = new byte[0];

    final String sipVersion;
    final Headers headers;
    /** The body is {@code bodySrc[bodyOff, bodyOff+bodyLen)}: in a received message, part of its buffer. */
    final byte[] bodySrc;
    final int bodyOff;
    final int bodyLen;
    /**
     * The start line as received, {@code headers.src[lineStart, lineEnd)}, if it is exactly what
     * its parts would be written as; otherwise {@code lineStart} is -1.
     */
    final int lineStart;
    final int lineEnd;
    final String defect;

    private volatile byte[] body;

    private List<Via> vias;
    private Via topVia;
    private CSeq cseq;
    private NameAddr from;
    private NameAddr to;
    private List<NameAddr> contacts;
    private List<NameAddr> routes;
    private List<NameAddr> recordRoutes;
    private int maxForwards = -2;
    private String callId;
    private String validation;
    private boolean validated;

    MessageBase(String sipVersion, Headers headers, byte[] bodySrc, int bodyOff, int bodyLen, int lineStart, int lineEnd,
            String defect) {
        this.sipVersion = sipVersion;
        this.headers = headers;
        this.bodySrc = bodySrc;
        this.bodyOff = bodyOff;
        this.bodyLen = bodyLen;
        this.lineStart = lineStart;
        this.lineEnd = lineEnd;
        this.defect = defect;
    }

    public String sipVersion() {
        return sipVersion;
    }

    public Headers headers() {
        return headers;
    }

    public byte[] body() {
        byte[] b = body;
        if (b == null) {
            // cut from the received buffer only when asked: a proxy forwards the body unread
            b = bodyLen == 0 ? NO_BODY
                    : bodyOff == 0 && bodyLen == bodySrc.length ? bodySrc : Arrays.copyOfRange(bodySrc, bodyOff, bodyOff + bodyLen);
            body = b;
        }
        return b;
    }

    public String defect() {
        return defect;
    }

    public List<Via> vias() {
        List<Via> v = vias;
        if (v == null) {
            List<Via> list = new ArrayList<>(2);
            ListLines lines = new ListLines(headers, HeaderName.VIA);
            for (int l = 0; l < lines.fields.length; l++) {
                byte[] t = lines.fields[l].text();
                int[] elements = lines.elements[l];
                for (int k = 0; k < elements.length; k += 2) {
                    list.add(Via.parse(t, elements[k], elements[k + 1]));
                }
            }
            v = Collections.unmodifiableList(list);
            vias = v;
        }
        return v;
    }

    public Via topVia() {
        Via top = topVia;
        if (top != null) {
            return top;
        }
        List<Via> v = vias;
        if (v != null) {
            return v.isEmpty() ? null : v.get(0);
        }
        // the hot path needs only the top value: parse just the first element of the first line,
        // and keep it, as transaction matching and response routing ask for it again and again
        int i = headers.indexOf(HeaderName.VIA, 0);
        if (i < 0) {
            return null;
        }
        byte[] t = text(i);
        long range = range(i);
        int start = (int) (range >>> 32);
        int end = (int) range;
        try {
            top = Via.parseUnsplit(t, start, end);
        } catch (SipParseException e) {
            // a list, a comment or a fault: read as before, splitting a list first, so faults stay the same
            top = null;
        }
        if (top == null) {
            if (Grammar.indexOf(t, ',', start, end) >= 0) {
                int[] elements = Headers.elements(t, start, end);
                start = elements[0];
                end = elements[1];
            }
            top = Via.parse(t, start, end);
        }
        topVia = top;
        return top;
    }

    public String callId() {
        String c = callId;
        if (c == null) {
            int i = headers.indexOf(HeaderName.CALL_ID, 0);
            if (i < 0) {
                return null;
            }
            long range = headers.plainValue(i);
            c = range < 0 ? headers.get(i).value() : Grammar.text(headers.src, (int) (range >>> 32), (int) range);
            callId = c;
        }
        return c;
    }

    /**
     * The bytes the value of line {@code i} is parsed from, with {@link #range}: the received buffer
     * for a plain received line, which then needs no {@link HeaderField}.
     */
    private byte[] text(int i) {
        return headers.isPlain(i) ? headers.src : headers.get(i).text();
    }

    /** The value of line {@code i} in {@link #text}, packed as {@link HeaderField#trim} packs it. */
    private long range(int i) {
        long r = headers.plainValue(i);
        if (r < 0) {
            HeaderField f = headers.get(i);
            r = (long) f.textStart() << 32 | f.textEnd();
        }
        return r;
    }

    public CSeq cseq() {
        CSeq c = cseq;
        if (c == null) {
            int i = headers.indexOf(HeaderName.CSEQ, 0);
            if (i < 0) {
                return null;
            }
            long range = range(i);
            c = CSeq.parse(text(i), (int) (range >>> 32), (int) range);
            cseq = c;
        }
        return c;
    }

    public NameAddr from() {
        NameAddr f = from;
        if (f == null) {
            f = nameAddr(HeaderName.FROM);
            from = f;
        }
        return f;
    }

    public NameAddr to() {
        NameAddr t = to;
        if (t == null) {
            t = nameAddr(HeaderName.TO);
            to = t;
        }
        return t;
    }

    /** The first header of that name parsed as one name-addr, or {@code null}. */
    private NameAddr nameAddr(HeaderName name) {
        int i = headers.indexOf(name, 0);
        if (i < 0) {
            return null;
        }
        long range = range(i);
        return NameAddr.parse(text(i), (int) (range >>> 32), (int) range);
    }

    public int maxForwards() {
        int m = maxForwards;
        if (m == -2) {
            int i = headers.indexOf(HeaderName.MAX_FORWARDS, 0);
            long range = i < 0 ? 0 : range(i);
            // RFC 3261 §20.22: 0-255; leading zeros allowed (RFC 4475 §3.1.1.1)
            m = i < 0 ? -1 : (int) Grammar.parseNumber(text(i), (int) (range >>> 32), (int) range, 255, "Max-Forwards");
            maxForwards = m;
        }
        return m;
    }

    public List<NameAddr> contacts() {
        List<NameAddr> c = contacts;
        if (c == null) {
            c = addresses(HeaderName.CONTACT);
            contacts = c;
        }
        return c;
    }

    public List<NameAddr> routes() {
        List<NameAddr> r = routes;
        if (r == null) {
            r = addresses(HeaderName.ROUTE);
            routes = r;
        }
        return r;
    }

    public List<NameAddr> recordRoutes() {
        List<NameAddr> r = recordRoutes;
        if (r == null) {
            r = addresses(HeaderName.RECORD_ROUTE);
            recordRoutes = r;
        }
        return r;
    }

    /** The values of a list of addresses (Contact, Route, Record-Route) in order, unmodifiable. */
    private List<NameAddr> addresses(HeaderName name) {
        int first = headers.indexOf(name, 0);
        if (first < 0) {
            return List.of();
        }
        try {
            return addressesInOnePass(name, first);
        } catch (SipParseException e) {
            return Collections.unmodifiableList(addressesSplitFirst(name));
        }
    }

    /** The values, unmodifiable, each line read in one pass; throws for anything unusual, see below. */
    private List<NameAddr> addressesInOnePass(HeaderName name, int first) {
        NameAddr only = null;
        List<NameAddr> list = null;
        // where the next element starts
        int[] next = new int[1];
        for (int i = first; i >= 0; i = headers.indexOfNext(name, i)) {
            byte[] t = text(i);
            long range = range(i);
            int end = (int) range;
            for (int p = (int) (range >>> 32); ; p = next[0] + 1) {
                NameAddr a = NameAddr.parseElement(t, p, end, next);
                if (only == null) {
                    only = a;
                } else {
                    if (list == null) {
                        list = new ArrayList<>(4);
                        list.add(only);
                    }
                    list.add(a);
                }
                if (next[0] == end) {
                    break;
                }
            }
        }
        // the usual single address (one Contact, one Route) needs no list of its own
        return list == null ? Collections.singletonList(only) : Collections.unmodifiableList(list);
    }

    /**
     * The values with every line split before any element is parsed: the grammar's order of faults,
     * and the {@code *} contact, which the one-pass read leaves to this one.
     */
    private List<NameAddr> addressesSplitFirst(HeaderName name) {
        List<NameAddr> list = new ArrayList<>(2);
        ListLines lines = new ListLines(headers, name);
        for (int l = 0; l < lines.fields.length; l++) {
            byte[] t = lines.fields[l].text();
            int[] elements = lines.elements[l];
            for (int k = 0; k < elements.length; k += 2) {
                int s = elements[k];
                int e = elements[k + 1];
                if (name != HeaderName.CONTACT || e - s != 1 || t[s] != '*') {
                    list.add(NameAddr.parse(t, s, e));
                }
            }
        }
        return list;
    }

    /**
     * The lines of a comma-list header with the bounds of their elements ({@link Headers#elements}).
     * All lines are split before any element is parsed, so that a malformed list is reported as such
     * whatever its elements hold.
     */
    private static final class ListLines {
        final HeaderField[] fields;
        final int[][] elements;

        ListLines(Headers headers, HeaderName name) {
            fields = new HeaderField[headers.count(name)];
            elements = new int[fields.length][];
            int i = headers.indexOf(name, 0);
            for (int l = 0; l < fields.length; l++, i = headers.indexOfNext(name, i)) {
                HeaderField f = headers.get(i);
                fields[l] = f;
                elements[l] = Headers.elements(f.text(), f.textStart(), f.textEnd());
            }
        }
    }

    public String validate() {
        if (!validated) {
            validation = defect != null ? defect : check();
            validated = true;
        }
        return validation;
    }

    private String check() {
        try {
            if (headers.count(HeaderName.CALL_ID) != 1 || callId().isEmpty()) {
                return headers.contains(HeaderName.CALL_ID) ? "Multiple Call-ID headers" : "Missing Call-ID header";
            }
            if (vias().isEmpty()) {
                return "Missing Via header";
            }
            if (headers.count(HeaderName.FROM) != 1) {
                return headers.contains(HeaderName.FROM) ? "Multiple From headers" : "Missing From header";
            }
            if (headers.count(HeaderName.TO) != 1) {
                return headers.contains(HeaderName.TO) ? "Multiple To headers" : "Missing To header";
            }
            if (headers.count(HeaderName.CSEQ) != 1) {
                return headers.contains(HeaderName.CSEQ) ? "Multiple CSeq headers" : "Missing CSeq header";
            }
            if (headers.count(HeaderName.MAX_FORWARDS) > 1) {
                return "Multiple Max-Forwards headers";
            }
            from();
            to();
            cseq();
            maxForwards();
            if (headers.contains(HeaderName.CONTACT)) {
                contacts();
            }
            return checkStartLine();
        } catch (SipParseException e) {
            return e.getMessage();
        }
    }

    /** Checks specific to requests or responses; returns what is wrong or {@code null}. */
    abstract String checkStartLine();

    /** The start line as its parts give it, without CRLF. */
    abstract String startLine();

    public byte[] encode() {
        byte[] line = null;
        int lineLen = lineEnd - lineStart;
        if (lineStart < 0) {
            line = startLine().getBytes(StandardCharsets.UTF_8);
            lineLen = line.length;
        }
        byte[] out = new byte[lineLen + 2 + headers.encodedLength() + 2 + bodyLen];
        if (line == null) {
            System.arraycopy(headers.src, lineStart, out, 0, lineLen);
        } else {
            System.arraycopy(line, 0, out, 0, lineLen);
        }
        int pos = crlf(out, lineLen);
        pos = headers.writeTo(out, pos);
        pos = crlf(out, pos);
        System.arraycopy(bodySrc, bodyOff, out, pos, bodyLen);
        return out;
    }

    private static int crlf(byte[] out, int pos) {
        out[pos] = '\r';
        out[pos + 1] = '\n';
        return pos + 2;
    }

    @Override
    public String toString() {
        return new String(encode(), StandardCharsets.UTF_8);
    }
}
