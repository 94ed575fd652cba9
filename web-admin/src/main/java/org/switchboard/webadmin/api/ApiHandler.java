package org.switchboard.webadmin.api;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.switchboard.core.location.AddressOfRecord;
import org.switchboard.core.spi.service.DialPlanService;
import org.switchboard.core.spi.service.NewCredentials;
import org.switchboard.core.spi.settings.Settings;
import org.switchboard.core.spi.store.AdminRole;
import org.switchboard.core.spi.store.ApiToken;
import org.switchboard.core.spi.store.ApiTokenStore;
import org.switchboard.core.spi.store.Ban;
import org.switchboard.core.spi.store.Binding;
import org.switchboard.core.spi.store.CallRecord;
import org.switchboard.core.spi.store.Device;
import org.switchboard.core.spi.store.DeviceException;
import org.switchboard.core.spi.store.DialPlanStore;
import org.switchboard.core.spi.store.DirectoryException;
import org.switchboard.core.spi.store.Domain;
import org.switchboard.core.spi.store.User;
import org.switchboard.webadmin.audit.AuditLog;
import org.switchboard.webadmin.auth.ApiTokens;
import org.switchboard.webadmin.auth.Principal;
import org.switchboard.webadmin.directory.AdminDirectory;
import org.switchboard.webadmin.directory.BanActions;
import org.switchboard.webadmin.directory.CallLog;
import org.switchboard.webadmin.directory.DeviceActions;
import org.switchboard.webadmin.directory.DialPlanActions;
import org.switchboard.webadmin.directory.ImportResult;
import org.switchboard.webadmin.directory.RegistrationListing;
import org.switchboard.webadmin.directory.ServerServices;
import org.switchboard.webadmin.directory.SettingActions;
import org.switchboard.webadmin.directory.Unregistration;
import org.switchboard.webadmin.directory.UserCsv;
import org.switchboard.webadmin.directory.UserQuery;

/**
 * The JSON API, mounted at {@value #MOUNT}, for scripts: what the pages do, on the same services,
 * listings and audit log. Every request needs {@code Authorization: Bearer <token>} with a token made
 * by {@code switchboard admin token create}; a token acts as a system admin, and its changes are
 * audited as {@code token:<name>}. Errors are JSON {@code {"error": "..."}} with a sentence a person
 * can act on. The calls are the table {@link #routes()}; {@code GET /v1/openapi.json} describes
 * exactly that table. A body is refused with 413 before it is read when its Content-Length is over
 * {@value #MAX_BODY} bytes, and reading stops there when it has none.
 *
 * <p>Blocking (database): declared {@code BLOCKING}. Thread-safe.
 */
public final class ApiHandler extends Handler.Abstract {
    /** Where the API is mounted on the server's HTTP server. */
    public static final String MOUNT = "/api";
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final int PAGE_SIZE = 100;
    /** The largest JSON request body read, in bytes. */
    static final int MAX_BODY = 64 * 1024;
    /** The largest CSV request body read, in bytes (an import of some 100,000 users). */
    static final int MAX_CSV_BODY = 8 * 1024 * 1024;
    private static final String JSON_TYPE = "application/json";
    private static final String CSV_TYPE = "text/csv";
    private static final int MAX_DAYS = 366;
    private static final String BEARER = "Bearer ";
    private static final Duration WRITE_WAIT = Duration.ofSeconds(10);
    /** A token acts as a system admin. */
    private static final Principal SYSTEM = new Principal("token", AdminRole.SYSTEM_ADMIN, null);

    private final ApiTokenStore tokens;
    private final AdminDirectory directory;
    private final RegistrationListing registrations;
    private final CallLog calls;
    private final ServerServices services;
    private final AuditLog audit;
    private final Clock clock;
    private final List<ApiRoute> routes;
    private final byte[] openApi;

    public ApiHandler(ApiTokenStore tokens, AdminDirectory directory, RegistrationListing registrations, CallLog calls,
            ServerServices services, AuditLog audit, Clock clock) {
        super(InvocationType.BLOCKING);
        this.tokens = tokens;
        this.directory = directory;
        this.registrations = registrations;
        this.calls = calls;
        this.services = services;
        this.audit = audit;
        this.clock = clock;
        this.routes = routes();
        this.openApi = OpenApiDocument.write(MOUNT, routes);
    }

    /** Every call of the API, in the order the OpenAPI document lists them. */
    List<ApiRoute> routes() {
        Map<String, String> domain = Map.of("domain", "the SIP domain, e.g. example.com (required)");
        Map<String, String> none = Map.of();
        return List.of(
                new ApiRoute("GET", "/v1/openapi.json", "This document: every call of the API.", none, null, false,
                        c -> null),
                new ApiRoute("GET", "/v1/domains", "The domains.", none, null, false,
                        c -> Map.of("domains", directory.domains().stream().map(Domain::name).toList())),
                new ApiRoute("POST", "/v1/domains", "Adds a domain: {\"name\": ...}.", none, JSON_TYPE, true,
                        c -> addDomain(c.body().get(), c.actor(), c.source())),
                new ApiRoute("GET", "/v1/users", "The users of a domain, searched, sorted and paged (100 a page).",
                        Map.of("domain", domain.get("domain"), "q", "part of the name or display name",
                                "sort", "name, display or enabled", "dir", "asc or desc", "page", "0-based page"),
                        null, false, c -> users(c.query())),
                new ApiRoute("POST", "/v1/users", "Adds a user with a generated SIP password, returned this once: "
                        + "{\"domain\", \"name\", \"displayName\"}.", none, JSON_TYPE, true,
                        c -> addUser(c.body().get(), c.actor(), c.source())),
                new ApiRoute("GET", "/v1/registrations", "The live registrations of a domain, each with the key "
                        + "that removes it.", domain, null, false, c -> registrations(c.query())),
                new ApiRoute("DELETE", "/v1/registrations/{domain}/{user}", "Removes a user's registration with "
                        + "?key=, or all of the user's registrations without it, as an expiry would.",
                        Map.of("key", "the registration's key from GET /v1/registrations (optional)"), null, false,
                        this::unregister),
                new ApiRoute("GET", "/v1/calls", "The call records of a range of UTC days, newest first, 100 a page.",
                        Map.of("from", "first day, YYYY-MM-DD (required)", "to", "last day, YYYY-MM-DD",
                                "page", "0-based page"), null, false, c -> calls(c.query())),
                new ApiRoute("GET", "/v1/bans", "The addresses banned for failed SIP authentications, and the trusted networks never banned.", none, null,
                        false, c -> Map.of("bans", services.bans().list().stream().map(BanActions::describe).toList(),
                                "trustedNetworks", services.bans().trustedNetworks())),
                new ApiRoute("DELETE", "/v1/bans/{address}", "Lifts the ban on an address and forgets its failed "
                        + "attempts.", none, null, false, this::unban),
                new ApiRoute("GET", "/v1/dialplan/rules", "A domain's dial plan rules in the order they are tried.",
                        domain, null, false, this::dialRules),
                new ApiRoute("GET", "/v1/dialplan/test", "What the dial plan does with a call, as "
                        + "'switchboard dialplan test' says.", Map.of("from", "the caller, USER@DOMAIN (required)",
                                "to", "the number dialled, or NUMBER@DOMAIN (required)",
                                "at", "when, e.g. 2026-12-24T18:00 (server's zone) or with an offset; default now"),
                        null, false, this::dialTest),
                new ApiRoute("GET", "/v1/devices", "The phones plug-and-play knows, discovered ones first.", none,
                        null, false, c -> Map.of("devices", DeviceActions.visible(DeviceActions.await(
                                services.devices().list()), SYSTEM).stream().map(DeviceActions::describe).toList())),
                new ApiRoute("POST", "/v1/devices/{mac}/assign", "Assigns the phone's first line to a user: "
                        + "{\"domain\", \"user\"}; a phone never seen is added.", none, JSON_TYPE, false, this::assign),
                new ApiRoute("POST", "/v1/devices/{mac}/release", "Takes the phone's users away; it stays in the "
                        + "inventory as discovered.", none, null, false, this::release),
                new ApiRoute("GET", "/v1/settings", "Every setting: value, default, source, live or restart.", none,
                        null, false, c -> Map.of("settings", SettingActions.rows(settings()).stream()
                                .map(SettingActions.Row::json).toList())),
                new ApiRoute("POST", "/v1/settings", "Changes a live setting: {\"key\": \"proxy.ringTimeout\", "
                        + "\"value\": \"90s\"}.", none, JSON_TYPE, false, this::changeSetting),
                new ApiRoute("GET", "/v1/users/export", "A domain's users as CSV, user,password,display name, with "
                        + "their SIP passwords: it imports again as it is.", domain, null, false, this::exportUsers),
                new ApiRoute("POST", "/v1/users/import", "Imports users from a UTF-8 CSV body (as the export), all or "
                        + "nothing; dryRun=true only checks.", Map.of("domain", domain.get("domain"),
                                "dryRun", "true to check and change nothing"), CSV_TYPE, false, this::importUsers));
    }

    /** A failure to report as JSON with its status. */
    static final class ApiError extends RuntimeException {
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
            ApiCall call = null;
            ApiRoute route = null;
            boolean pathKnown = false;
            for (ApiRoute r : routes) {
                Optional<Map<String, String>> params = r.match(path);
                if (params.isPresent()) {
                    pathKnown = true;
                    if (r.method().equals(method)) {
                        route = r;
                        call = new ApiCall("token:" + token.name(), source, params.get(),
                                Request.extractQueryParameters(request), () -> readJson(request),
                                () -> read(request, CSV_TYPE, MAX_CSV_BODY));
                        break;
                    }
                }
            }
            if (route == null) {
                throw new ApiError(pathKnown ? HttpStatus.METHOD_NOT_ALLOWED_405 : HttpStatus.NOT_FOUND_404,
                        "No such API call: " + method + " " + MOUNT + path + ". GET " + MOUNT
                                + "/v1/openapi.json lists the calls there are.");
            }
            if (route.body() != null) {
                rejectOversize(request, route.body().equals(CSV_TYPE) ? MAX_CSV_BODY : MAX_BODY);
            }
            if (route.path().equals("/v1/openapi.json")) {
                return sendJson(response, callback, HttpStatus.OK_200, openApi);
            }
            body = route.action().handle(call);
            if (body instanceof Csv csv) {
                response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\"" + csv.fileName()
                        + "\"");
                response.setStatus(HttpStatus.OK_200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/csv; charset=utf-8");
                response.write(true, ByteBuffer.wrap(csv.body()), callback);
                return true;
            }
            if (route.created()) {
                status = HttpStatus.CREATED_201;
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
        return sendJson(response, callback, status, json);
    }

    private static boolean sendJson(Response response, Callback callback, int status, byte[] json) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(json), callback);
        return true;
    }

    /** A CSV file an API call answers with. */
    private record Csv(String fileName, byte[] body) {
    }

    /** Refuses a body announced as larger than {@code limit} before a byte of it is read. */
    private static void rejectOversize(Request request, int limit) {
        long length = request.getLength();
        if (length > limit) {
            LOG.warn("API: {} {} from {} refused: a body of {} bytes, over the {} allowed",
                    request.getMethod(), Request.getPathInContext(request), Request.getRemoteAddr(request), length,
                    limit);
            throw tooLarge(limit);
        }
    }

    private static ApiError tooLarge(int limit) {
        return new ApiError(HttpStatus.PAYLOAD_TOO_LARGE_413, "The body is larger than " + limit
                + " bytes; send less at a time.");
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
        byte[] bytes = read(request, JSON_TYPE, MAX_BODY);
        try {
            return JSON.std.mapFrom(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new ApiError(HttpStatus.BAD_REQUEST_400, "The body is not a JSON object.");
        }
    }

    /** The body, of media type {@code type}, read to at most {@code limit} bytes. */
    private static byte[] read(Request request, String type, int limit) {
        String sent = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (sent == null || !sent.toLowerCase(Locale.ROOT).startsWith(type)) {
            throw new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE_415, "Send the body as " + type + ".");
        }
        byte[] bytes;
        // reads at most one byte past the limit, so a body without Content-Length cannot fill the memory
        try (InputStream in = Content.Source.asInputStream(request)) {
            bytes = in.readNBytes(limit + 1);
        } catch (IOException e) {
            throw new ApiError(HttpStatus.BAD_REQUEST_400, "The request body could not be read.");
        }
        if (bytes.length > limit) {
            throw tooLarge(limit);
        }
        return bytes;
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
                    m.put("key", b.key());
                    return m;
                }).toList();
        return Map.of("domain", domain, "registrations", rows);
    }

    private Map<String, Object> unregister(ApiCall call) {
        String domain = call.path().get("domain").toLowerCase(Locale.ROOT);
        AddressOfRecord aor = new AddressOfRecord(call.path().get("user"), domain);
        String key = call.query("key");
        Instant now = clock.instant();
        List<Binding> live = registrations.bindings().stream()
                .filter(b -> b.aor().equals(aor) && b.isLive(now) && (key.isEmpty() || b.key().equals(key))).toList();
        if (live.isEmpty()) {
            throw new ApiError(HttpStatus.NOT_FOUND_404, aor.user() + "@" + domain + " has no live registration"
                    + (key.isEmpty() ? "" : " with key " + key) + "; GET " + MOUNT + "/v1/registrations?domain="
                    + domain + " lists them.");
        }
        List<String> removed = new ArrayList<>();
        for (Binding b : live) {
            if (Unregistration.remove(registrations, b, WRITE_WAIT)) {
                audit.record(call.actor(), call.source(), "registration.remove", domain, aor.user() + "@" + domain,
                        Unregistration.describe(b), null);
                removed.add(b.contactUri());
            }
        }
        return Map.of("removed", removed);
    }

    private Map<String, Object> unban(ApiCall call) {
        InetAddress address;
        try {
            address = BanActions.address(call.path().get("address"));
        } catch (IllegalArgumentException e) {
            throw new ApiError(HttpStatus.BAD_REQUEST_400, e.getMessage());
        }
        Optional<Ban> ban = BanActions.find(services.bans(), address);
        if (ban.isEmpty() || !services.bans().lift(address)) {
            throw new ApiError(HttpStatus.NOT_FOUND_404, address.getHostAddress() + " is not banned.");
        }
        audit.record(call.actor(), call.source(), "ban.lift", null, address.getHostAddress(),
                BanActions.describe(ban.get()), null);
        return Map.of("lifted", BanActions.describe(ban.get()));
    }

    private DialPlanStore dialPlanStore() {
        return services.dialRules().orElseThrow(() -> new ApiError(HttpStatus.NOT_FOUND_404,
                "This server runs without a dial plan."));
    }

    private Map<String, Object> dialRules(ApiCall call) {
        String domain = domain(call.query()).toLowerCase(Locale.ROOT);
        return Map.of("domain", domain, "rules", DialPlanActions.rules(dialPlanStore().rules(), domain).stream()
                .map(DialPlanActions::describe).toList());
    }

    private Map<String, Object> dialTest(ApiCall call) {
        DialPlanService service = services.dialPlan().orElseThrow(() -> new ApiError(HttpStatus.NOT_FOUND_404,
                "This server runs without a dial plan."));
        if (call.query("from").isEmpty() || call.query("to").isEmpty()) {
            throw new ApiError(HttpStatus.BAD_REQUEST_400, "Give the call as ?from=USER@DOMAIN&to=NUMBER"
                    + " (and optionally &at=2026-12-24T18:00).");
        }
        DialPlanService.DialTest test;
        try {
            test = service.test(call.query("from"), call.query("to"), call.query("at"));
        } catch (IllegalArgumentException e) {
            throw new ApiError(HttpStatus.BAD_REQUEST_400, e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("call", test.heading());
        body.put("steps", test.steps());
        body.put("decision", test.decision());
        body.put("rule", test.rule());
        return body;
    }

    private Map<String, Object> assign(ApiCall call) {
        Map<String, Object> json = call.body().get();
        String domain = text(json, "domain", true);
        String user = text(json, "user", true);
        String mac = call.path().get("mac");
        Optional<Device> before;
        Device after;
        try {
            before = DeviceActions.await(services.devices().find(mac));
            after = DeviceActions.await(services.devices().assign(mac, domain, user));
        } catch (DeviceException | IllegalArgumentException e) {
            throw new ApiError(HttpStatus.BAD_REQUEST_400, e.getMessage());
        }
        audit.record(call.actor(), call.source(), "device.assign", domain, after.mac(),
                before.map(DeviceActions::describe).orElse(null), DeviceActions.describe(after));
        return Map.of("device", DeviceActions.describe(after));
    }

    private Map<String, Object> release(ApiCall call) {
        String mac = call.path().get("mac");
        Optional<Device> before;
        try {
            before = DeviceActions.await(services.devices().find(mac));
        } catch (DeviceException | IllegalArgumentException e) {
            throw new ApiError(HttpStatus.BAD_REQUEST_400, e.getMessage());
        }
        if (before.isEmpty() || !before.get().assigned()) {
            throw new ApiError(HttpStatus.NOT_FOUND_404, "No phone " + mac + " is assigned; GET " + MOUNT
                    + "/v1/devices lists them.");
        }
        Device after = DeviceActions.await(services.devices().unassign(mac));
        audit.record(call.actor(), call.source(), "device.release", before.get().lines().get(0).domain(), after.mac(),
                DeviceActions.describe(before.get()), DeviceActions.describe(after));
        return Map.of("device", DeviceActions.describe(after));
    }

    private Csv exportUsers(ApiCall call) {
        String domain = domain(call.query()).toLowerCase(Locale.ROOT);
        List<User> users = directory.users(domain);
        String csv = UserCsv.write(users, u -> directory.password(domain, u.name()));
        audit.record(call.actor(), call.source(), "users.export", domain, domain, null,
                Map.of("users", Integer.toString(users.size())));
        return new Csv("users-" + domain + ".csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> importUsers(ApiCall call) {
        String domain = domain(call.query()).toLowerCase(Locale.ROOT);
        boolean dryRun = "true".equals(call.query("dryRun"));
        ImportResult result = directory.importUsers(domain, call.text().get(), dryRun);
        if (result.imported() > 0) {
            audit.record(call.actor(), call.source(), "users.import", domain, domain, null,
                    Map.of("users", Integer.toString(result.imported()), "sipPassword", "set"));
        }
        if (!dryRun && !result.problems().isEmpty()) {
            throw new ApiError(HttpStatus.BAD_REQUEST_400, result.summary() + " " + String.join("; ",
                    result.problems()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("summary", result.summary());
        body.put("dryRun", dryRun);
        body.put("imported", result.imported());
        body.put("valid", result.valid().stream().map(ApiHandler::user).toList());
        body.put("problems", result.problems());
        return body;
    }

    private Settings settings() {
        return services.settings().orElseThrow(() -> new ApiError(HttpStatus.NOT_FOUND_404,
                "This server has no live settings."));
    }

    private Map<String, Object> changeSetting(ApiCall call) {
        Map<String, Object> json = call.body().get();
        String key = text(json, "key", true);
        Object value = json.get("value");
        if (value == null) {
            throw new ApiError(HttpStatus.BAD_REQUEST_400, "The field \"value\" is missing.");
        }
        Settings settings = settings();
        SettingActions.Row before = SettingActions.find(settings, key).orElseThrow(() -> new ApiError(
                HttpStatus.NOT_FOUND_404, "There is no setting " + key + "; GET " + MOUNT + "/v1/settings lists them."));
        SettingActions.Row after;
        try {
            after = SettingActions.change(settings, key, value.toString(), call.actor());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ApiError(HttpStatus.BAD_REQUEST_400, e.getMessage());
        }
        audit.record(call.actor(), call.source(), "setting.change", null, key, Map.of("value", before.value()),
                Map.of("value", after.value()));
        return Map.of("setting", after.json());
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
