package org.switchboard.webadmin.http;

import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;
import org.switchboard.webadmin.auth.Principal;
import org.switchboard.webadmin.auth.Session;

/**
 * One request as the pages see it: its form or query fields, the session if logged in, the source
 * address for the audit log and the throttle, and the cookies the answer sets. Immutable but for
 * {@code cookies}, which the page (on the request's one thread) adds to.
 *
 * @param fields the query parameters, and for a POST the form fields too
 * @param session the logged-in session, if any
 * @param source the client's address
 * @param cookies Set-Cookie values to send with the answer
 */
record Exchange(Request request, Fields fields, Optional<Session> session, String source, List<String> cookies) {

    boolean isPost() {
        return "POST".equals(request.getMethod());
    }

    /** A field's value, trimmed, or "" if absent. */
    String field(String name) {
        Fields.Field f = fields.get(name);
        return f == null || f.getValue() == null ? "" : f.getValue().strip();
    }

    /** A field's value exactly as sent (passwords), or "" if absent. */
    String raw(String name) {
        Fields.Field f = fields.get(name);
        return f == null || f.getValue() == null ? "" : f.getValue();
    }

    /** A non-negative number field, or {@code fallback} if absent or not one. */
    int number(String name, int fallback) {
        try {
            int n = Integer.parseInt(field(name));
            return n < 0 ? fallback : n;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The logged-in administrator; only for pages behind the login. */
    Principal principal() {
        return session.orElseThrow().principal();
    }
}
