package org.switchboard.core.proxy;

import java.util.List;
import org.switchboard.core.message.HeaderName;
import org.switchboard.core.message.NameAddr;
import org.switchboard.core.message.SipParseException;
import org.switchboard.core.message.SipRequest;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.spi.chain.ProcessorResult;
import org.switchboard.core.spi.chain.RequestContext;
import org.switchboard.core.spi.chain.RequestProcessor;

/**
 * Route information preprocessing (RFC 3261 §16.4): a Request-URI that is our own Record-Route
 * value came from a strict router, so the last Route becomes the Request-URI again; then every
 * Route entry on top that names this server is removed (two of them after a double Record-Route).
 */
final class RoutePreprocessor implements RequestProcessor {
    private final LocalAddresses local;

    RoutePreprocessor(LocalAddresses local) {
        this.local = local;
    }

    @Override
    public ProcessorResult process(RequestContext context) {
        SipRequest request = context.request();
        if (!"sip".equals(request.requestUriScheme()) && !"sips".equals(request.requestUriScheme())) {
            return ProcessorResult.CONTINUE;
        }
        SipRequest processed = preprocess(request, local);
        if (processed != request) {
            context.updateRequest(processed);
        }
        return ProcessorResult.CONTINUE;
    }

    /** The request with the §16.4 changes, or the same instance if there are none. */
    static SipRequest preprocess(SipRequest request, LocalAddresses local) {
        List<NameAddr> routes = request.routes();
        if (routes.isEmpty()) {
            return request;
        }
        int first = 0;
        int last = routes.size();
        String requestUri = request.requestUri();
        SipUri uri = request.sipRequestUri();
        if (uri.user() == null && local.isLocal(uri)) {
            // §16.4: a strict router sent the request to our Record-Route URI; the real target is last
            requestUri = routes.get(--last).uri();
        }
        while (first < last && isOurs(routes.get(first), local)) {
            first++;
        }
        if (first == 0 && last == routes.size() && requestUri.equals(request.requestUri())) {
            return request;
        }
        // the kept values as written: the same elements as routes(), in the same order
        List<String> kept = request.headers().values(HeaderName.ROUTE).subList(first, last);
        SipRequest.Builder builder = request.toBuilder().requestUri(requestUri).remove(HeaderName.ROUTE);
        for (String route : kept) {
            builder.add(HeaderName.ROUTE, route);
        }
        return builder.build();
    }

    private static boolean isOurs(NameAddr address, LocalAddresses local) {
        if (!address.isSip()) {
            return false;
        }
        try {
            return local.isLocal(address.sipUri());
        } catch (SipParseException e) {
            return false;
        }
    }
}
