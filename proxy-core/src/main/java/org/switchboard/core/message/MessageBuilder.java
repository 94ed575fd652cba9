package org.switchboard.core.message;

import java.util.ArrayList;
import java.util.List;

/**
 * Header and body editing shared by {@link SipRequest.Builder} and {@link SipResponse.Builder}.
 * Fields the builder does not touch keep their original bytes. {@code build()} sets Content-Length
 * to the body's length.
 *
 * @param <B> the concrete builder, for chaining
 */
public abstract class MessageBuilder<B extends MessageBuilder<B>> {
    final List<HeaderField> fields;
    byte[] body;
    String sipVersion;

    MessageBuilder(List<HeaderField> fields, byte[] body, String sipVersion) {
        this.fields = fields;
        this.body = body;
        this.sipVersion = sipVersion;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** Adds a header line at the end. */
    public B add(HeaderName name, String value) {
        fields.add(HeaderField.of(name, value));
        return self();
    }

    /** Adds a header line before all others of the same name (or at the end if there are none). */
    public B addFirst(HeaderName name, String value) {
        HeaderField field = HeaderField.of(name, value);
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                fields.add(i, field);
                return self();
            }
        }
        // Via goes first of all so that a proxy's own Via leads the message, as is customary
        if (name.equals(HeaderName.VIA)) {
            fields.add(0, field);
        } else {
            fields.add(field);
        }
        return self();
    }

    /** Replaces all lines of that name with one line (at the position of the first). */
    public B set(HeaderName name, String value) {
        HeaderField field = HeaderField.of(name, value);
        int first = -1;
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            fields.add(field);
            return self();
        }
        // replace in place: no shifting of the list when, as usual, there is one such line
        fields.set(first, field);
        for (int i = fields.size() - 1; i > first; i--) {
            if (fields.get(i).name().equals(name)) {
                fields.remove(i);
            }
        }
        return self();
    }

    /** Removes all lines of that name. */
    public B remove(HeaderName name) {
        fields.removeIf(f -> f.name().equals(name));
        return self();
    }

    /**
     * Removes the first value of a comma-list header: the whole first line if it holds one value,
     * otherwise that line rewritten without its first element. Used to pop a Via or a Route.
     */
    public B removeFirstValue(HeaderName name) {
        for (int i = 0; i < fields.size(); i++) {
            HeaderField f = fields.get(i);
            if (f.name().equals(name)) {
                List<String> values = new ArrayList<>(2);
                Headers.splitList(f.value(), values);
                if (values.size() <= 1) {
                    fields.remove(i);
                } else {
                    fields.set(i, HeaderField.of(name, String.join(", ", values.subList(1, values.size()))));
                }
                return self();
            }
        }
        return self();
    }

    /** Sets the body and, if {@code contentType} is not null, the Content-Type. */
    public B body(byte[] newBody, String contentType) {
        this.body = newBody == null ? new byte[0] : newBody;
        if (contentType != null) {
            set(HeaderName.CONTENT_TYPE, contentType);
        } else if (this.body.length == 0) {
            remove(HeaderName.CONTENT_TYPE);
        }
        return self();
    }

    Headers finishHeaders() {
        String expected = Integer.toString(body.length);
        HeaderField cl = null;
        int count = 0;
        for (HeaderField f : fields) {
            if (f.name().equals(HeaderName.CONTENT_LENGTH)) {
                cl = f;
                count++;
            }
        }
        if (count != 1 || !cl.value().equals(expected)) {
            set(HeaderName.CONTENT_LENGTH, expected);
        }
        return Headers.of(fields);
    }
}
