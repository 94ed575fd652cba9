package org.switchboard.server.monitoring;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writing the monitoring endpoints' small text answers, never cached. Stateless. */
final class PlainResponses {
    private PlainResponses() {
    }

    /** Whether the request may be answered: GET or HEAD; else answers 405 naming them. */
    static boolean readOnly(Request request, Response response, Callback callback) {
        if (HttpMethod.GET.is(request.getMethod()) || HttpMethod.HEAD.is(request.getMethod())) {
            return true;
        }
        response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
        send(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "text/plain; charset=utf-8",
                "Method not allowed\n");
        return false;
    }

    /** Sends {@code body} (not for HEAD) with its length. */
    static void send(Request request, Response response, Callback callback, int status, String contentType,
            String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        if (HttpMethod.HEAD.is(request.getMethod())) {
            response.write(true, ByteBuffer.allocate(0), callback);
        } else {
            response.write(true, ByteBuffer.wrap(bytes), callback);
        }
    }
}
