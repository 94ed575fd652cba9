package org.switchboard.webadmin.api;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.spi.service.NewCredentials;
import org.switchboard.core.spi.store.ApiToken;
import org.switchboard.core.spi.store.ApiTokenStore;
import org.switchboard.core.spi.store.CallRecord;
import org.switchboard.core.spi.store.DirectoryException;
import org.switchboard.core.spi.store.Domain;
import org.switchboard.core.spi.store.User;
import org.switchboard.webadmin.audit.AuditLog;
import org.switchboard.webadmin.auth.ApiTokens;
import org.switchboard.webadmin.directory.AdminDirectory;
import org.switchboard.webadmin.directory.CallLog;
import org.switchboard.webadmin.directory.RegistrationListing;
import org.switchboard.webadmin.directory.UserQuery;

/**
 * The JSON API, mounted at {@value #MOUNT}, for scripts: what the pages do, on the same directory,
 * listings and audit log. Every request needs {@code Authorization: Bearer <token>} with a token made
 * by {@code switchboard admin token create}; a token acts as a system admin, and its changes are
 * audited as {@code token:<name>}. Errors are JSON {@code {"error": "..."}} with a sentence a person
 * can act on.
 *
 * <ul>
 *   <li>{@code GET /v1/domains}, {@code POST /v1/domains} {@code {"name": ...}}
 *   <li>{@code GET /v1/users?domain=&q=&sort=name|display|enabled&dir=asc|desc&page=}
 *   <li>{@code POST /v1/users} {@code {"domain": ..., "name": ..., "displayName": ...}}: 201 with the
 *       generated SIP password, returned this once
 *   <li>{@code GET /v1/registrations?domain=}
 *   <li>{@code GET /v1/calls?from=YYYY-MM-DD&to=YYYY-MM-DD&page=} (UTC days, both included)
 * </ul>
 *
 * Blocking (database): declared {@code BLOCKING}. Thread-safe.
 */
public final class ApiHandler extends Handler.Abstract {
    /** Where the API is mounted on the server's HTTP server. */
    public static final String MOUNT = "/api";
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final int PAGE_SIZE = 100;
    private static final int MAX_BODY = 64 * 1024;
    private static final int MAX_DAYS = 366;
    private static final String BEARER = "Bearer ";

    private final ApiTokenStore tokens;
    private final AdminDirectory directory;
    private final RegistrationListing registrations;
    private final CallLog calls;
    private final AuditLog audit;
    private final Clock clock;

    public ApiHandler(ApiTokenStore tokens, AdminDirectory directory, RegistrationListing registrations, CallLog calls,
            AuditLog audit, Clock clock) {
        super(InvocationType.BLOCKING);
        this.tokens = tokens;
        this.directory = directory;
        this.registrations = registrations;
        this.calls = calls;
        this.audit = audit;
        this.clock = clock;
    }

    /** A failure to report as JSON with its status. */
    private static final class ApiError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        ApiError(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        String source = Request.getRemoteAddr(request);
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        int status = HttpStatus.OK_200;
        Object body;
        try {
            ApiToken token = authenticate(request, source);
            String actor = "token:" + token.name();
            Fields query = Request.extractQueryParameters(request);
            switch (method + " " + path) {
                case "GET /v1/domains" -> body = Map.of("domains", directory.domains().stream().map(Domain::name).toList());
                case "POST /v1/domains" -> {
                    body = addDomain(readJson(request), actor, source);
                    status = HttpStatus.CREATED_201;
                }
                case "GET /v1/users" -> body = users(query);
                case "POST /v1/users" -> {
                    body = addUser(readJson(request), actor, source);
                    status = HttpStatus.CREATED_201;
                }
                case "GET /v1/registrations" -> body = registrations(query);
                case "GET /v1/calls" -> body = calls(query);
                default -> throw new ApiError(HttpStatus.NOT_FOUND_404, "No such API call: " + method + " " + MOUNT
                        + path + ". See the web admin chapter of the manual for the calls there are.");
            }
        } catch (ApiError e) {
            status = e.status;
            body = Map.of("error", e.getMessage());
            if (status == HttpStatus.UNAUTHORIZED_401) {
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"switchboard\"");
            }
        } catch (DirectoryException e) {
            status = HttpStatus.BAD_REQUEST_400;
            body = Map.of("error", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("API: {} {} from {} failed: {}", method, path, source, e.toString(), e);
            status = HttpStatus.INTERNAL_SERVER_ERROR_500;
            body = Map.of("error", "The server could not complete this request (" + e.getClass().getSimpleName()
                    + "); the server log has the details.");
        }
        byte[] json;
        try {
            json = JSON.std.asBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(json), callback);
        return true;
    }

    private ApiToken authenticate(Request request, String source) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new ApiError(HttpStatus.UNAUTHORIZED_401, "Send Authorization: Bearer <token>; make a token with "
                    + "'switchboard admin token create --name NAME'.");
        }
        Optional<ApiToken> token = tokens.findByHash(ApiTokens.hash(header.substring(BEARER.length()).strip()));
        if (token.isEmpty()) {
            LOG.warn("API: request from {} with an unknown bearer token refused", source);
            throw new ApiError(HttpStatus.UNAUTHORIZED_401, "This bearer token is unknown or was revoked.");
        }
        return token.get();
    }

    private static Map<String, Object> readJson(Request request) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE_415, "Send the body as application/json.");
        }
        String text;
        try {
            text = Content.Source.asString(request, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ApiError(HttpStatus.BAD_REQUEST_400, "The request body could not be read.");
        }
        if (text.length() > MAX_BODY) {
            throw new ApiError(HttpStatus.PAYLOAD_TOO_LARGE_413, "The body is larger than " + MAX_BODY + " bytes.");
        }
        try {
            return JSON.std.mapFrom(text);
        } catch (IOException | RuntimeException e) {
            throw new ApiError(HttpStatus.BAD_REQUEST_400, "The body is not a JSON object.");
        }
    }

    private static String text(Map<String, Object> json, String field, boolean required) {
        Object value = json.get(field);
        if (value == null || value.toString().isBlank()) {
            if (required) {
                throw new ApiError(HttpStatus.BAD_REQUEST_400, "The field \"" + field + "\" is missing.");
            }
            return null;
        }
        if (!(value instanceof String s)) {
            throw new ApiError(HttpStatus.BAD_REQUEST_400, "The field \"" + field + "\" must be a string.");
        }
        return s.strip();
    }

    private static String field(Fields query, String name) {
        Fields.Field f = query.get(name);
        return f == null || f.getValue() == null ? "" : f.getValue().strip();
    }

    private static int page(Fields query) {
        try {
            return Math.max(0, Integer.parseInt(field(query, "page")));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private String domain(Fields query) {
        String domain = field(query, "domain");
        if (domain.isEmpty()) {
            throw new ApiError(HttpStatus.BAD_REQUEST_400, "Name the domain: ?domain=example.com.");
        }
        return domain;
    }

    private Map<String, Object> addDomain(Map<String, Object> json, String actor, String source) {
        Domain domain = directory.addDomain(text(json, "name", true));
        audit.record(actor, source, "domain.add", domain.name(), domain.name(), null, Map.of("name", domain.name()));
        return Map.of("name", domain.name());
    }

    private Map<String, Object> users(Fields query) {
        String domain = domain(query);
        UserQuery.Result result = new UserQuery(field(query, "q"), field(query, "sort"),
                "desc".equals(field(query, "dir")), page(query), PAGE_SIZE).apply(directory.users(domain));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("domain", domain);
        body.put("total", result.total());
        body.put("page", result.page());
        body.put("pages", result.pages());
        body.put("users", result.users().stream().map(ApiHandler::user).toList());
        return body;
    }

    private static Map<String, Object> user(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("domain", u.domain());
        m.put("name", u.name());
        m.put("displayName", u.displayName());
        m.put("enabled", u.enabled());
        return m;
    }

    private Map<String, Object> addUser(Map<String, Object> json, String actor, String source) {
        NewCredentials created = directory.addUser(text(json, "domain", true), text(json, "name", true),
                text(json, "displayName", false));
        User u = created.user();
        audit.record(actor, source, "user.add", u.domain(), u.name() + "@" + u.domain(), null,
                Map.of("name", u.name(), "displayName", u.displayName() == null ? "" : u.displayName(),
                        "enabled", "true", "sipPassword", "set"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", user(u));
        body.put("password", created.password());
        return body;
    }

    private Map<String, Object> registrations(Fields query) {
        String domain = domain(query);
        Instant now = clock.instant();
        List<Map<String, Object>> rows = registrations.bindings().stream()
                .filter(b -> b.aor().host().equals(domain) && b.expiresAt().isAfter(now))
                .sorted(java.util.Comparator.comparing((org.switchboard.core.spi.store.Binding b) -> b.aor().user())
                        .thenComparing(org.switchboard.core.spi.store.Binding::contactUri))
                .map(b -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("user", b.aor().user());
                    m.put("contact", b.contactUri());
                    m.put("source", b.flow().remote().getAddress().getHostAddress() + ":" + b.flow().remote().getPort());
                    m.put("transport", b.flow().transport().name());
                    m.put("userAgent", b.userAgent());
                    m.put("expires", b.expiresAt().toString());
                    return m;
                }).toList();
        return Map.of("domain", domain, "registrations", rows);
    }

    private Map<String, Object> calls(Fields query) {
        LocalDate from;
        LocalDate to;
        try {
            from = LocalDate.parse(field(query, "from"));
            to = field(query, "to").isEmpty() ? from : LocalDate.parse(field(query, "to"));
        } catch (DateTimeParseException e) {
            throw new ApiError(HttpStatus.BAD_REQUEST_400,
                    "Give the range as ?from=YYYY-MM-DD&to=YYYY-MM-DD (UTC days, both included).");
        }
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new ApiError(HttpStatus.BAD_REQUEST_400,
                    "The range must end on or after its start and span at most " + MAX_DAYS + " days.");
        }
        int page = page(query);
        List<CallRecord> rows = calls.between(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), page * PAGE_SIZE, PAGE_SIZE + 1);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from.toString());
        body.put("to", to.toString());
        body.put("page", page);
        body.put("more", rows.size() > PAGE_SIZE);
        body.put("calls", rows.subList(0, Math.min(PAGE_SIZE, rows.size())).stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("callId", r.callId());
            m.put("caller", r.caller());
            m.put("callee", r.callee());
            m.put("start", r.start().toString());
            m.put("answer", r.answer() == null ? null : r.answer().toString());
            m.put("end", r.end() == null ? null : r.end().toString());
            m.put("status", r.finalStatus());
            m.put("hangup", r.hangup().name());
            return m;
        }).toList());
        return body;
    }
}
