package org.switchboard.webadmin.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One call of the JSON API: method, path template (segments in braces are parameters, e.g. {@code
 * /v1/bans/{address}}), what it does, its query parameters, and the body it takes. The
 * API dispatches by these and the OpenAPI document is written from them, so the document lists
 * exactly the calls there are. Immutable.
 *
 * @param summary one sentence for the OpenAPI document
 * @param query the query parameters, name to description
 * @param body the media type of the body the call reads ({@code application/json} or {@code text/csv}),
 *     or {@code null} when it reads none
 * @param created whether success is 201 Created rather than 200
 */
record ApiRoute(String method, String path, String summary, Map<String, String> query, String body, boolean created,
        Action action) {

    /** Answers one call; may block (database). */
    @FunctionalInterface
    interface Action {
        Object handle(ApiCall call);
    }

    ApiRoute {
        query = Map.copyOf(query);
    }

    /** The path parameters' names, in order. */
    List<String> parameters() {
        return segments(path).stream().filter(ApiRoute::isParameter).map(s -> s.substring(1, s.length() - 1)).toList();
    }

    /** The path parameters if {@code actual} (decoded, within the API) matches this route's template. */
    Optional<Map<String, String>> match(String actual) {
        List<String> template = segments(path);
        List<String> given = segments(actual);
        if (template.size() != given.size()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            if (isParameter(t)) {
                if (given.get(i).isEmpty()) {
                    return Optional.empty();
                }
                values.put(t.substring(1, t.length() - 1), given.get(i));
            } else if (!t.equals(given.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(values);
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static List<String> segments(String path) {
        return List.of(path.split("/", -1));
    }
}
