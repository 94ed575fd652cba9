package org.switchboard.server.monitoring;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Objects;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves the metrics at {@value #MOUNT} in Prometheus' text format (version 0.0.4). GET and HEAD
 * only. Declared blocking, so that the scrape, which reads every meter, runs on Jetty's pool.
 */
public final class MetricsHandler extends Handler.Abstract {
    /** Where the server mounts it. */
    public static final String MOUNT = "/metrics";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    public MetricsHandler(PrometheusMeterRegistry registry) {
        super(InvocationType.BLOCKING);
        this.registry = Objects.requireNonNull(registry);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (PlainResponses.readOnly(request, response, callback)) {
            PlainResponses.send(request, response, callback, HttpStatus.OK_200, PROMETHEUS_TEXT, registry.scrape());
        }
        return true;
    }
}
