package org.switchboard.webadmin.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.webadmin.auth.RandomTokens;
import org.switchboard.webadmin.auth.Session;
import org.switchboard.webadmin.auth.Sessions;

/**
 * The web admin's HTML side, mounted at {@code /admin}. Every request passes here first:
 *
 * <ul>
 *   <li>the stylesheet, the first-run setup and the login are open to all;
 *   <li>every other path needs a live session (its cookie), else GET and POST alike are redirected
 *       to the login, which returns to the page afterwards;
 *   <li>a page for system admins answers 403 to a domain admin;
 *   <li>every POST behind the login must carry the session's CSRF token in its {@code csrf} field,
 *       else it is refused with 403 and logged, before the page sees it.
 * </ul>
 *
 * <p>Every answer carries a Content-Security-Policy allowing nothing but this server (no scripts
 * from elsewhere, no framing, forms only to here), no caching, and no Referer (the setup link holds
 * a token). Blocking (pages read the database): declared {@code BLOCKING}, so Jetty calls it on its
 * pool. Thread-safe.
 */
public final class AdminHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(AdminHandler.class);
    static final String CSRF_FIELD = "csrf";
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    private static final String STYLESHEET = "/static/admin.css";

    private final Templates templates;
    private final Sessions sessions;
    private final Map<String, Route> routes;
    private final Map<String, Route.Action> openGets;
    private final Map<String, Route.Action> openPosts;
    private final byte[] stylesheet;

    /**
     * @param routes the pages behind the login, by path within the web admin
     * @param open the pages anyone may open (setup, login), by path
     */
    public AdminHandler(Templates templates, Sessions sessions, Map<String, Route> routes, Map<String, Route> open) {
        super(InvocationType.BLOCKING);
        this.templates = templates;
        this.sessions = sessions;
        this.routes = Map.copyOf(routes);
        Map<String, Route.Action> gets = new HashMap<>();
        Map<String, Route.Action> posts = new HashMap<>();
        open.forEach((path, route) -> {
            if (route.get() != null) {
                gets.put(path, route.get());
            }
            if (route.post() != null) {
                posts.put(path, route.post());
            }
        });
        this.openGets = Map.copyOf(gets);
        this.openPosts = Map.copyOf(posts);
        this.stylesheet = resource("/org/switchboard/webadmin/static/admin.css");
    }

    private static byte[] resource(String name) {
        try (InputStream in = AdminHandler.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        boolean post = "POST".equals(method);
        if (!post && !"GET".equals(method)) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, POST");
            return send(request, response, callback, error(HttpStatus.METHOD_NOT_ALLOWED_405, "Method not allowed",
                    "Pages are read with GET and changed with POST."), null, List.of());
        }
        String source = Request.getRemoteAddr(request);
        Fields fields = Request.getParameters(request);
        Optional<Session> session = sessions.find(Cookies.read(request, Cookies.SESSION));
        Exchange exchange = new Exchange(request, fields, session, source, new ArrayList<>());
        Reply reply;
        try {
            reply = answer(exchange, path, post);
        } catch (RuntimeException e) {
            // the admin sees a page saying what failed; the details go to the log, not the browser
            LOG.error("Web admin: {} {} from {} failed: {}", method, path, source, e.toString(), e);
            reply = error(HttpStatus.INTERNAL_SERVER_ERROR_500, "Something went wrong",
                    "The server could not complete this request: " + e.getClass().getSimpleName()
                            + ". The server log has the details.");
        }
        return send(request, response, callback, reply, session.orElse(null), exchange.cookies());
    }

    private Reply answer(Exchange exchange, String path, boolean post) {
        if (!post && STYLESHEET.equals(path)) {
            return new Reply.Asset("text/css; charset=utf-8", stylesheet);
        }
        Route.Action open = (post ? openPosts : openGets).get(path);
        if (open != null) {
            return open.handle(exchange);
        }
        if (exchange.session().isEmpty()) {
            return toLogin(exchange, path);
        }
        Session session = exchange.session().get();
        Route route = routes.get(path.isEmpty() ? "/" : path);
        if (route == null || (post ? route.post() : route.get()) == null) {
            return error(HttpStatus.NOT_FOUND_404, "Not found", "There is no page " + path + ".");
        }
        if (route.systemOnly() && !session.principal().isSystemAdmin()) {
            LOG.warn("Web admin: {} (domain admin of {}) from {} was refused {} {}: system admins only",
                    session.principal().username(), session.principal().domain(), exchange.source(),
                    exchange.request().getMethod(), path);
            return error(HttpStatus.FORBIDDEN_403, "Forbidden", "Only system administrators may open this page.");
        }
        if (post && !RandomTokens.same(session.csrf(), exchange.raw(CSRF_FIELD))) {
            LOG.warn("Web admin: POST {} by {} from {} refused: missing or wrong CSRF token (a forged or stale form)",
                    path, session.principal().username(), exchange.source());
            return error(HttpStatus.FORBIDDEN_403, "Form refused",
                    "This form did not come from this session's pages (it was stale or forged). Reload the page and try again.");
        }
        return (post ? route.post() : route.get()).handle(exchange);
    }

    private static Reply toLogin(Exchange exchange, String path) {
        String query = exchange.request().getHttpURI().getQuery();
        String next = exchange.isPost() ? "/" : path + (query == null ? "" : "?" + query);
        return new Reply.Redirect("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
    }

    static Reply error(int status, String title, String message) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("message", message);
        return new Reply.Page(status, "error.ftlh", model);
    }

    private boolean send(Request request, Response response, Callback callback, Reply reply, Session session,
            List<String> cookies) {
        var headers = response.getHeaders();
        headers.put("Content-Security-Policy", CSP);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        cookies.forEach(c -> headers.add(HttpHeader.SET_COOKIE, c));
        String base = request.getContext().getContextPath();
        if (reply instanceof Reply.Redirect redirect) {
            headers.put(HttpHeader.CACHE_CONTROL, "no-store");
            headers.put(HttpHeader.LOCATION, base + redirect.location());
            response.setStatus(HttpStatus.SEE_OTHER_303);
            response.write(true, ByteBuffer.allocate(0), callback);
        } else if (reply instanceof Reply.Download download) {
            headers.put(HttpHeader.CACHE_CONTROL, "no-store");
            headers.put(HttpHeader.CONTENT_TYPE, download.contentType());
            headers.put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\"" + download.fileName() + "\"");
            response.setStatus(HttpStatus.OK_200);
            response.write(true, ByteBuffer.wrap(download.body()), callback);
        } else if (reply instanceof Reply.Asset asset) {
            headers.put(HttpHeader.CACHE_CONTROL, "max-age=3600");
            headers.put(HttpHeader.CONTENT_TYPE, asset.contentType());
            response.setStatus(HttpStatus.OK_200);
            response.write(true, ByteBuffer.wrap(asset.body()), callback);
        } else {
            Reply.Page page = (Reply.Page) reply;
            Map<String, Object> model = new HashMap<>(page.model());
            model.put("base", base);
            model.put("stylesheet", base + STYLESHEET);
            Session live = page.loggedOut() ? null : session;
            if (live != null) {
                model.put("me", live.principal());
                model.put("csrf", live.csrf());
            }
            byte[] html;
            int status = page.status();
            try {
                html = templates.render(page.template(), model).getBytes(StandardCharsets.UTF_8);
            } catch (RuntimeException e) {
                LOG.error("Web admin: page {} failed to render: {}", page.template(), e.toString(), e);
                status = HttpStatus.INTERNAL_SERVER_ERROR_500;
                html = templates.render("error.ftlh", Map.of("title", "Something went wrong", "message",
                        "This page could not be shown. The server log has the details.", "base", base,
                        "stylesheet", base + STYLESHEET)).getBytes(StandardCharsets.UTF_8);
            }
            headers.put(HttpHeader.CACHE_CONTROL, "no-store");
            headers.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
            response.setStatus(status);
            response.write(true, ByteBuffer.wrap(html), callback);
        }
        return true;
    }
}
