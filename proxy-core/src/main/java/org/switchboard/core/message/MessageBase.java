package org.switchboard.core.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** State and lazy accessors shared by requests and responses. */
abstract class MessageBase {
    private static final byte[] CRLF = {'\r', '\n'};

    final String sipVersion;
    final Headers headers;
    final byte[] body;
    final String defect;

    private List<Via> vias;
    private Via topVia;
    private CSeq cseq;
    private NameAddr from;
    private NameAddr to;
    private List<NameAddr> contacts;
    private int maxForwards = -2;
    private String validation;
    private boolean validated;

    MessageBase(String sipVersion, Headers headers, byte[] body, String defect) {
        this.sipVersion = sipVersion;
        this.headers = headers;
        this.body = body;
        this.defect = defect;
    }

    public String sipVersion() {
        return sipVersion;
    }

    public Headers headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }

    public String defect() {
        return defect;
    }

    public List<Via> vias() {
        List<Via> v = vias;
        if (v == null) {
            List<String> raw = headers.values(HeaderName.VIA);
            v = new ArrayList<>(raw.size());
            for (String s : raw) {
                v.add(Via.parse(s));
            }
            v = Collections.unmodifiableList(v);
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
        HeaderField first = headers.first(HeaderName.VIA);
        if (first == null) {
            return null;
        }
        String value = first.value();
        if (value.indexOf(',') < 0) {
            top = Via.parse(value);
        } else {
            List<String> parts = new ArrayList<>(2);
            Headers.splitList(value, parts);
            top = Via.parse(parts.get(0));
        }
        topVia = top;
        return top;
    }

    public String callId() {
        return headers.firstValue(HeaderName.CALL_ID);
    }

    public CSeq cseq() {
        CSeq c = cseq;
        if (c == null) {
            String v = headers.firstValue(HeaderName.CSEQ);
            if (v == null) {
                return null;
            }
            c = CSeq.parse(v);
            cseq = c;
        }
        return c;
    }

    public NameAddr from() {
        NameAddr f = from;
        if (f == null) {
            String v = headers.firstValue(HeaderName.FROM);
            if (v == null) {
                return null;
            }
            f = NameAddr.parse(v);
            from = f;
        }
        return f;
    }

    public NameAddr to() {
        NameAddr t = to;
        if (t == null) {
            String v = headers.firstValue(HeaderName.TO);
            if (v == null) {
                return null;
            }
            t = NameAddr.parse(v);
            to = t;
        }
        return t;
    }

    public int maxForwards() {
        int m = maxForwards;
        if (m == -2) {
            String v = headers.firstValue(HeaderName.MAX_FORWARDS);
            // RFC 3261 §20.22: 0-255; leading zeros allowed (RFC 4475 §3.1.1.1)
            m = v == null ? -1 : (int) Grammar.parseNumber(v, 255, "Max-Forwards");
            maxForwards = m;
        }
        return m;
    }

    public List<NameAddr> contacts() {
        List<NameAddr> c = contacts;
        if (c == null) {
            List<String> raw = headers.values(HeaderName.CONTACT);
            c = new ArrayList<>(raw.size());
            for (String s : raw) {
                if (!s.equals("*")) {
                    c.add(NameAddr.parse(s));
                }
            }
            c = Collections.unmodifiableList(c);
            contacts = c;
        }
        return c;
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

    /** The start line's three parts, without the spaces between them. */
    abstract String startLinePart(int index);

    public byte[] encode() {
        // the start line is written part by part, not concatenated into a String first
        int len = 2 + 2;
        for (int k = 0; k < 3; k++) {
            len += HeaderField.utf8Length(startLinePart(k));
        }
        for (int i = 0; i < headers.size(); i++) {
            len += headers.get(i).encodedLength() + 2;
        }
        len += 2 + body.length;
        byte[] out = new byte[len];
        int pos = HeaderField.writeUtf8(startLinePart(0), out, 0);
        out[pos++] = ' ';
        pos = HeaderField.writeUtf8(startLinePart(1), out, pos);
        out[pos++] = ' ';
        pos = HeaderField.writeUtf8(startLinePart(2), out, pos);
        pos = crlf(out, pos);
        int size = headers.size();
        for (int i = 0; i < size; i++) {
            HeaderField first = headers.get(i);
            HeaderField last = first;
            // untouched lines that were adjacent on the wire go out with one copy
            while (i + 1 < size && last.isFollowedOnWireBy(headers.get(i + 1))) {
                last = headers.get(++i);
            }
            pos = first.writeRunTo(last, out, pos);
            pos = crlf(out, pos);
        }
        pos = crlf(out, pos);
        System.arraycopy(body, 0, out, pos, body.length);
        return out;
    }

    private static int crlf(byte[] out, int pos) {
        out[pos] = CRLF[0];
        out[pos + 1] = CRLF[1];
        return pos + 2;
    }

    @Override
    public String toString() {
        return new String(encode(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
