package org.switchboard.webadmin.api;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the API's OpenAPI 3.0 document from its route table, so it lists exactly the calls the
 * handler answers: each path with its methods, path and query parameters, JSON body, the bearer
 * authentication, and the JSON error every call may answer. Stateless.
 */
final class OpenApiDocument {
    private static final String JSON_TYPE = "application/json";

    private OpenApiDocument() {
    }

    /** The document for {@code routes} mounted at {@code mount}, as JSON. */
    static byte[] write(String mount, List<ApiRoute> routes) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "Switchboard administration API", "version", "1",
                "description", "What the web admin's pages do, for scripts. Send Authorization: Bearer <token> "
                        + "(switchboard admin token create). Errors are {\"error\": \"...\"}."));
        doc.put("servers", List.of(Map.of("url", mount)));
        doc.put("security", List.of(Map.of("bearer", List.of())));
        Map<String, Object> error = Map.of("description", "An error with a sentence saying what to change",
                "content", Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Error"))));
        doc.put("components", Map.of(
                "securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer")),
                "schemas", Map.of("Error", Map.of("type", "object", "required", List.of("error"),
                        "properties", Map.of("error", Map.of("type", "string"))))));
        Map<String, Map<String, Object>> paths = new LinkedHashMap<>();
        for (ApiRoute route : routes) {
            Map<String, Object> operation = new LinkedHashMap<>();
            operation.put("summary", route.summary());
            List<Object> parameters = new ArrayList<>();
            for (String name : route.parameters()) {
                parameters.add(Map.of("name", name, "in", "path", "required", true, "schema", Map.of("type", "string")));
            }
            new TreeMap<>(route.query()).forEach((name, description) -> parameters.add(Map.of("name", name,
                    "in", "query", "required", description.contains("(required)"), "description", description,
                    "schema", Map.of("type", "string"))));
            if (!parameters.isEmpty()) {
                operation.put("parameters", parameters);
            }
            if (route.body() != null) {
                operation.put("requestBody", Map.of("required", true, "content", Map.of(route.body(),
                        Map.of("schema", Map.of("type", route.body().equals(JSON_TYPE) ? "object" : "string")))));
            }
            Map<String, Object> responses = new LinkedHashMap<>();
            String answers = route.path().endsWith("/export") ? "text/csv" : JSON_TYPE;
            responses.put(route.created() ? "201" : "200", Map.of("description", "Done",
                    "content", Map.of(answers, Map.of("schema", Map.of("type", answers.equals(JSON_TYPE) ? "object"
                            : "string")))));
            responses.put("default", error);
            operation.put("responses", responses);
            paths.computeIfAbsent(route.path(), p -> new LinkedHashMap<>())
                    .put(route.method().toLowerCase(java.util.Locale.ROOT), operation);
        }
        doc.put("paths", paths);
        try {
            return JSON.std.asBytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the OpenAPI document", e);
        }
    }
}
