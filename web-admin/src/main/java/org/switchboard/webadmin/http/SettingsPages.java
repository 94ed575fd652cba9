package org.switchboard.webadmin.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpStatus;
import org.switchboard.core.spi.settings.Settings;
import org.switchboard.webadmin.audit.AuditLog;
import org.switchboard.webadmin.directory.SettingActions;

/**
 * Settings: every setting with its value, default, where the value comes from, and whether a change
 * applies live or at a restart; a live one not pinned by a flag is changed in place, validated and
 * applied by the server's live settings, and audited. For system admins only. Without live settings
 * on the server the page says so. Thread-safe.
 */
final class SettingsPages {
    private final Optional<Settings> settings;
    private final AuditLog audit;

    SettingsPages(Optional<Settings> settings, AuditLog audit) {
        this.settings = settings;
        this.audit = audit;
    }

    Map<String, Route> routes() {
        return Map.of("/settings", new Route(true, this::page, null),
                "/settings/change", new Route(true, null, this::change));
    }

    private Reply page(Exchange ex) {
        return render(ex, HttpStatus.OK_200, null);
    }

    private Reply render(Exchange ex, int status, String problem) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Settings");
        model.put("available", settings.isPresent());
        model.put("rows", settings.map(SettingActions::rows).orElse(List.of()));
        model.put("saved", ex.isPost() ? "" : ex.field("saved"));
        model.put("problems", problem == null ? List.of() : List.of(problem));
        return new Reply.Page(status, "settings.ftlh", model);
    }

    private Reply change(Exchange ex) {
        if (settings.isEmpty()) {
            return AdminHandler.error(HttpStatus.NOT_FOUND_404, "No live settings", "This server has no live settings.");
        }
        String key = ex.field("key");
        Optional<SettingActions.Row> before = SettingActions.find(settings.get(), key);
        SettingActions.Row after;
        try {
            after = SettingActions.change(settings.get(), key, ex.field("value"), ex.principal().username());
        } catch (IllegalArgumentException | IllegalStateException e) {
            return render(ex, HttpStatus.BAD_REQUEST_400, e.getMessage());
        }
        audit.record(ex.principal().username(), ex.source(), "setting.change", null, key,
                Map.of("value", before.orElseThrow().value()), Map.of("value", after.value()));
        return new Reply.Redirect("/settings?saved=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
    }
}
