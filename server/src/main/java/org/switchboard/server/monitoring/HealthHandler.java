package org.switchboard.server.monitoring;

import java.util.Objects;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Health at {@value #MOUNT}, for load balancers, Docker and Kubernetes probes:
 * <ul>
 *   <li>{@code /health/live}: 200 whenever the server answers HTTP at all (liveness);</li>
 *   <li>{@code /health/ready} and {@code /health}: 200 once every part has started, 503 while it
 *       starts and from the moment it begins to stop (readiness).</li>
 * </ul>
 * The body is a one-line JSON object, {@code {"status":"READY"}}. GET and HEAD only; other paths 404.
 * Cheap and non-blocking, so it runs on the thread that read the request.
 */
public final class HealthHandler extends Handler.Abstract.NonBlocking {
    /** Where the server mounts it. */
    public static final String MOUNT = "/health";
    private static final String JSON = "application/json";

    private final Readiness readiness;

    public HealthHandler(Readiness readiness) {
        this.readiness = Objects.requireNonNull(readiness);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        boolean live = path.equals("/live");
        if (!live && !path.isEmpty() && !path.equals("/") && !path.equals("/ready")) {
            PlainResponses.send(request, response, callback, HttpStatus.NOT_FOUND_404, "text/plain; charset=utf-8",
                    "Not found: /health, /health/live and /health/ready are\n");
            return true;
        }
        if (PlainResponses.readOnly(request, response, callback)) {
            Readiness.State state = readiness.state();
            int status = live || state == Readiness.State.READY ? HttpStatus.OK_200 : HttpStatus.SERVICE_UNAVAILABLE_503;
            PlainResponses.send(request, response, callback, status, JSON,
                    "{\"status\":\"" + (live ? "LIVE" : state.name()) + "\"}\n");
        }
        return true;
    }
}
