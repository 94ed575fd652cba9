package org.switchboard.server.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.plugin.HttpMount;
import org.switchboard.core.transport.Addresses;
import org.switchboard.server.config.HttpSettings;
import org.switchboard.server.lifecycle.Lifecycle;

/**
 * The HTTP server as a part of the server: one Jetty {@link Server} with one connector and a
 * {@link ContextHandlerCollection} on which plugins mount their handlers, one context path each.
 * Unmounted paths get Jetty's 404. The threads and the open connections are bounded (so is the
 * work a connection can queue); the Server header is not sent, so the version is not advertised.
 *
 * <p>Mounting is for plugin start, before this part starts; {@link #port()} is valid once started.
 * Lifecycle as {@link Lifecycle}; the {@link HttpMount} methods are thread-safe.
 */
public final class HttpServerComponent implements Lifecycle, HttpMount {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServerComponent.class);
    private static final int MAX_THREADS = 32;
    private static final int MIN_THREADS = 2;
    private static final int IDLE_THREAD_MILLIS = 60_000;
    /** Open connections; beyond this Jetty stops accepting, which bounds the work waiting for threads. */
    private static final int MAX_CONNECTIONS = 512;

    private final HttpSettings settings;
    private final ContextHandlerCollection contexts = new ContextHandlerCollection();
    private final List<String> mounted = new ArrayList<>();
    private final Server jetty;
    private final ServerConnector connector;
    private final HttpConfiguration http;
    private ServerConnector httpsConnector;
    private volatile boolean started;

    public HttpServerComponent(HttpSettings settings) {
        this.settings = Objects.requireNonNull(settings);
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS, IDLE_THREAD_MILLIS);
        threads.setName("http");
        jetty = new Server(threads);
        http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(settings.listenAddress().getHostAddress());
        connector.setPort(settings.port());
        jetty.addConnector(connector);
        jetty.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));
        jetty.setHandler(contexts);
    }

    /**
     * Also serves HTTPS on {@code port} of the same address, with the same handlers; requests over it
     * are secure ({@code Request.isSecure()}), so cookies set on them get {@code Secure}. The host a
     * request names is not checked against the certificate, which may be a self-signed one without
     * the names the server is reached by. Call before {@link #start()}.
     */
    public void enableHttps(int port, SslContextFactory.Server tls) {
        if (started) {
            throw new IllegalStateException("HTTPS must be enabled before the HTTP server starts");
        }
        HttpConfiguration secure = new HttpConfiguration(http);
        SecureRequestCustomizer customizer = new SecureRequestCustomizer();
        customizer.setSniHostCheck(false);
        secure.addCustomizer(customizer);
        httpsConnector = new ServerConnector(jetty, new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(secure));
        httpsConnector.setHost(settings.listenAddress().getHostAddress());
        httpsConnector.setPort(port);
        jetty.addConnector(httpsConnector);
        // one limit over both connectors
        jetty.removeBean(jetty.getBean(NetworkConnectionLimit.class));
        jetty.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector, httpsConnector));
    }

    @Override
    public String name() {
        return "HTTP server on " + address();
    }

    private String address() {
        return Addresses.format(new InetSocketAddress(settings.listenAddress(), settings.port()))
                + (httpsConnector == null ? "" : " and HTTPS on " + Addresses.format(
                        new InetSocketAddress(settings.listenAddress(), httpsConnector.getPort())));
    }

    @Override
    public void start() throws Exception {
        try {
            jetty.start();
        } catch (Exception e) {
            jetty.stop();
            throw new IOException("Cannot listen for HTTP on " + address() + ": " + e.getMessage(), e);
        }
        started = true;
        String where = Addresses.format(new InetSocketAddress(settings.listenAddress(), connector.getLocalPort()));
        synchronized (mounted) {
            String secure = httpsConnector == null ? "" : " and HTTPS on " + Addresses.format(
                    new InetSocketAddress(settings.listenAddress(), httpsConnector.getLocalPort()));
            LOG.info("HTTP on {}{}{}", where, secure,
                    mounted.isEmpty() ? "; nothing mounted" : "; serving " + String.join(", ", mounted));
        }
    }

    @Override
    public void stop() {
        started = false;
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("Stopping the HTTP server failed: {}", e.toString());
        }
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public void mount(String contextPath, Object handler) {
        if (!enabled()) {
            throw new IllegalStateException("HTTP is disabled; cannot mount " + contextPath);
        }
        if (!(handler instanceof Handler jettyHandler)) {
            throw new IllegalArgumentException("Cannot mount " + contextPath + ": a Jetty 12 "
                    + Handler.class.getName() + " is needed, not " + (handler == null ? "null" : handler.getClass().getName()));
        }
        if (contextPath == null || !contextPath.startsWith("/") || contextPath.length() < 2 || contextPath.endsWith("/")) {
            throw new IllegalArgumentException("Context path must start with / and not end with it: " + contextPath);
        }
        synchronized (mounted) {
            if (mounted.contains(contextPath)) {
                throw new IllegalArgumentException(contextPath + " is already mounted");
            }
            mounted.add(contextPath);
            ContextHandler context = new ContextHandler(jettyHandler, contextPath);
            // the path itself is served (/metrics), not redirected to /metrics/
            context.setAllowNullPathInContext(true);
            contexts.addHandler(context);
        }
    }

    @Override
    public int port() {
        if (!started) {
            throw new IllegalStateException("The HTTP server is " + (enabled() ? "not started" : "disabled"));
        }
        return connector.getLocalPort();
    }

    /** The HTTPS port bound, once started with HTTPS enabled. */
    public int httpsPort() {
        if (!started || httpsConnector == null) {
            throw new IllegalStateException("HTTPS is not serving");
        }
        return httpsConnector.getLocalPort();
    }

    @Override
    public Optional<URI> externalUrl() {
        return settings.externalUrl();
    }
}
