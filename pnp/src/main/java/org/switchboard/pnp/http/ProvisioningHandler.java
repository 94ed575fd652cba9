package org.switchboard.pnp.http;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pnp.MacAddress;
import org.switchboard.pnp.settings.PhoneSettingsModel;
import org.switchboard.pnp.settings.ProvisioningLinks;
import org.switchboard.pnp.settings.RenderException;
import org.switchboard.pnp.settings.SettingsRenderer;
import org.switchboard.pnp.token.ProvisioningTokens;
import org.switchboard.pnp.token.TokenCheck;

/**
 * Serves phones their settings files. Mount it at {@value ProvisioningUrls#MOUNT} (for example in
 * a {@code ContextHandler}); it reads the path within that context.
 *
 * <p>Answers, in this order: 405 for anything but GET; 404 for a path that names no file; 403 for
 * a file with secrets without a valid token (checked before the MAC is looked up, so the answer
 * does not tell whether a MAC is known); 404 for an unknown or unassigned MAC (never account data)
 * or a phone without firmware set; 500 if the source or a template fails, with nothing of the file
 * sent; otherwise 200 with the rendered XML. Every fetch is logged with MAC, remote address and
 * result; a 200 for the settings file with account data is also reported to the {@link
 * FetchRecorder} (a failure there is logged and does not fail the fetch).
 *
 * <p>Blocking (the source and first template reads may touch disk or a database): declared {@link
 * org.eclipse.jetty.util.thread.Invocable.InvocationType#BLOCKING}, so Jetty calls it on its pool.
 */
public final class ProvisioningHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningHandler.class);
    private static final String XML = "text/xml; charset=utf-8";
    private static final String TEXT = "text/plain; charset=utf-8";

    private final ProvisioningRequestResolver resolver;
    private final ProvisioningSource source;
    private final FetchRecorder recorder;
    private final SettingsRenderer renderer;
    private final ProvisioningTokens tokens;
    private final ProvisioningUrls urls;
    private final Optional<URI> externalBaseUrl;

    /**
     * @param externalBaseUrl the base URL phones reach this server at, used in {@code
     *     setting_server}; if empty, the scheme and authority of each request are used
     */
    public ProvisioningHandler(ProvisioningRequestResolver resolver, ProvisioningSource source,
            FetchRecorder recorder, SettingsRenderer renderer, ProvisioningTokens tokens, ProvisioningUrls urls, Optional<URI> externalBaseUrl) {
        super(InvocationType.BLOCKING);
        this.resolver = Objects.requireNonNull(resolver);
        this.source = Objects.requireNonNull(source);
        this.recorder = Objects.requireNonNull(recorder);
        this.renderer = Objects.requireNonNull(renderer);
        this.tokens = Objects.requireNonNull(tokens);
        this.urls = Objects.requireNonNull(urls);
        this.externalBaseUrl = Objects.requireNonNull(externalBaseUrl);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String ip = Request.getRemoteAddr(request);
        String path = Request.getPathInContext(request);
        if (!HttpMethod.GET.is(request.getMethod())) {
            LOG.info("PnP fetch {} {} from {}: 405 method not allowed", request.getMethod(), path, ip);
            response.getHeaders().put(HttpHeader.ALLOW, HttpMethod.GET.asString());
            return plain(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "Method not allowed");
        }
        Fields query = Request.extractQueryParameters(request);
        Optional<ProvisioningFile> resolved = resolver.resolve(path, query.getValue("mac"));
        if (resolved.isEmpty()) {
            LOG.info("PnP fetch {} from {}: 404, no such provisioning file", path, ip);
            return plain(response, callback, HttpStatus.NOT_FOUND_404, "Not found");
        }
        ProvisioningFile file = resolved.get();
        MacAddress mac = file.mac();
        if (file.kind().hasSecrets()) {
            TokenCheck check = tokens.check(query.getValue(ProvisioningUrls.TOKEN_PARAMETER), mac);
            if (!check.isValid()) {
                LOG.warn("PnP fetch of settings for MAC {} from {}: 403, {}", mac, ip, check.reason());
                return plain(response, callback, HttpStatus.FORBIDDEN_403, "Forbidden");
            }
        }
        String body;
        try {
            Optional<PhoneSettingsModel> settings = source.settingsFor(mac);
            if (settings.isEmpty()) {
                LOG.info("PnP fetch of {} for MAC {} from {}: 404, MAC unknown or not assigned", kindName(file), mac, ip);
                return plain(response, callback, HttpStatus.NOT_FOUND_404, "Not found");
            }
            Optional<String> rendered = render(file, settings.get(), baseUrl(request));
            if (rendered.isEmpty()) {
                LOG.info("PnP fetch of firmware file for MAC {} from {}: 404, no firmware set for model {}", mac, ip,
                        settings.get().device().model());
                return plain(response, callback, HttpStatus.NOT_FOUND_404, "Not found");
            }
            body = rendered.get();
        } catch (RenderException e) {
            LOG.error("PnP fetch of {} for MAC {} from {}: 500, {}", kindName(file), mac, ip, e.getMessage());
            return plain(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, "Server error");
        } catch (RuntimeException e) {
            LOG.error("PnP fetch of {} for MAC {} from {}: 500, looking up its settings failed", kindName(file), mac, ip,
                    e);
            return plain(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, "Server error");
        }
        LOG.info("PnP fetch of {} for MAC {} from {}: 200", kindName(file), mac, ip);
        if (file.kind().hasSecrets()) {
            record(mac, ip);
        }
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        return send(response, callback, HttpStatus.OK_200, XML, body);
    }

    private void record(MacAddress mac, String ip) {
        try {
            recorder.recordProvisioned(mac, ip);
        } catch (RuntimeException e) {
            LOG.warn("PnP: could not record that phone {} was provisioned: {}", mac, e.getMessage());
        }
    }

    private Optional<String> render(ProvisioningFile file, PhoneSettingsModel phone, String baseUrl)
            throws RenderException {
        String firmwareLink = phone.firmwareUrl() == null ? null : urls.firmwareUrl(baseUrl, phone.device().mac());
        return switch (file.kind()) {
            case SETTINGS -> Optional.of(renderer.snomSettings(phone,
                    new ProvisioningLinks(urls.settingServerUrl(baseUrl, phone.device().mac()), firmwareLink)));
            case GENERIC -> Optional.of(renderer.snomSettings(phone.withoutSecrets(),
                    new ProvisioningLinks(null, firmwareLink)));
            case FIRMWARE -> phone.firmwareUrl() == null ? Optional.empty() : Optional.of(renderer.snomFirmware(phone));
        };
    }

    private String baseUrl(Request request) {
        if (externalBaseUrl.isPresent()) {
            return externalBaseUrl.get().toString();
        }
        HttpURI uri = request.getHttpURI();
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    private static String kindName(ProvisioningFile file) {
        return switch (file.kind()) {
            case SETTINGS -> "settings";
            case GENERIC -> "generic settings";
            case FIRMWARE -> "firmware file";
        };
    }

    private static boolean plain(Response response, Callback callback, int status, String text) {
        return send(response, callback, status, TEXT, text + "\n");
    }

    private static boolean send(Response response, Callback callback, int status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
        return true;
    }
}
