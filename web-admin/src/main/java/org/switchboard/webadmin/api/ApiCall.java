package org.switchboard.webadmin.api;

import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.util.Fields;

/**
 * One authenticated API call as a route sees it: who (the token's audit name), from where, the path
 * and query parameters, and the JSON body, read on demand. Immutable but for the body's one read.
 *
 * @param actor the audit log's name of the caller, {@code token:<name>}
 * @param source the client's address
 * @param path the path parameters of the route's template
 * @param query the query parameters
 * @param body reads the JSON object body (size-checked) when called
 * @param text reads the body as UTF-8 bytes (size-checked) when called
 */
record ApiCall(String actor, String source, Map<String, String> path, Fields query, Supplier<Map<String, Object>> body,
        Supplier<byte[]> text) {

    /** A query parameter, trimmed, or "" if absent. */
    String query(String name) {
        Fields.Field f = query.get(name);
        return f == null || f.getValue() == null ? "" : f.getValue().strip();
    }
}
