package org.switchboard.webadmin.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpStatus;
import org.switchboard.core.spi.service.DevicesService;
import org.switchboard.core.spi.store.Device;
import org.switchboard.core.spi.store.DeviceException;
import org.switchboard.core.spi.store.DirectoryException;
import org.switchboard.webadmin.audit.AuditLog;
import org.switchboard.webadmin.auth.Principal;
import org.switchboard.webadmin.directory.AdminDirectory;
import org.switchboard.webadmin.directory.DeviceActions;

/**
 * Devices: the phones plug-and-play knows, discovered ones (waiting for a user) first, each with its
 * MAC, model, firmware, address, when last seen and provisioned, and its users; a discovered phone
 * is assigned to a user of the domain in one step (it fetches its settings at its next request),
 * an assigned one can be released. A domain admin sees the discovered phones and those of their
 * domain, and assigns only to their domain's users. Thread-safe.
 */
final class DevicesPages {
    private final DevicesService devices;
    private final AdminDirectory directory;
    private final AuditLog audit;

    DevicesPages(DevicesService devices, AdminDirectory directory, AuditLog audit) {
        this.devices = devices;
        this.directory = directory;
        this.audit = audit;
    }

    Map<String, Route> routes() {
        return Map.of("/devices", new Route(false, this::page, null),
                "/devices/assign", new Route(false, null, this::assign),
                "/devices/release", new Route(false, null, this::release));
    }

    private Reply page(Exchange ex) {
        return render(ex, HttpStatus.OK_200, List.of());
    }

    private Reply render(Exchange ex, int status, List<String> problems) {
        DomainScope scope = DomainScope.of(ex, directory);
        if (scope.forbidden()) {
            return DomainScope.refused();
        }
        Principal me = ex.principal();
        List<DeviceActions.Row> rows = DeviceActions.visible(DeviceActions.await(devices.list()), me).stream()
                .map(DeviceActions::row).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Devices");
        model.put("domain", scope.domain() == null ? "" : scope.domain());
        model.put("domains", DomainScope.choices(ex, directory));
        model.put("users", scope.domain() == null ? List.of() : directory.users(scope.domain()).stream()
                .map(u -> u.name()).toList());
        model.put("rows", rows);
        model.put("problems", problems);
        model.put("assigned", ex.isPost() ? "" : ex.field("assigned"));
        model.put("released", ex.isPost() ? "" : ex.field("released"));
        return new Reply.Page(status, "devices.ftlh", model);
    }

    private Reply assign(Exchange ex) {
        DomainScope scope = DomainScope.of(ex, directory);
        if (scope.forbidden() || scope.domain() == null) {
            return DomainScope.refused();
        }
        String mac = ex.field("mac");
        String user = ex.field("user");
        Optional<Device> before = DeviceActions.await(devices.find(mac));
        if (before.isPresent() && !DeviceActions.mayManage(before.get(), ex.principal())) {
            return DomainScope.refused();
        }
        Device after;
        try {
            after = DeviceActions.await(devices.assign(mac, scope.domain(), user));
        } catch (DeviceException | DirectoryException | IllegalArgumentException e) {
            return render(ex, HttpStatus.BAD_REQUEST_400, List.of(e.getMessage()));
        }
        audit.record(ex.principal().username(), ex.source(), "device.assign", scope.domain(), after.mac(),
                before.map(DeviceActions::describe).orElse(null), DeviceActions.describe(after));
        return new Reply.Redirect("/devices?domain=" + encode(scope.domain()) + "&assigned=" + encode(after.mac()));
    }

    private Reply release(Exchange ex) {
        String mac = ex.field("mac");
        Optional<Device> before = DeviceActions.await(devices.find(mac));
        if (before.isEmpty()) {
            return AdminHandler.error(HttpStatus.NOT_FOUND_404, "No such phone", "There is no phone " + mac + ".");
        }
        if (!before.get().assigned() || !DeviceActions.mayManage(before.get(), ex.principal())) {
            return DomainScope.refused();
        }
        Device after = DeviceActions.await(devices.unassign(mac));
        audit.record(ex.principal().username(), ex.source(), "device.release",
                before.get().lines().get(0).domain(), after.mac(), DeviceActions.describe(before.get()),
                DeviceActions.describe(after));
        return new Reply.Redirect("/devices?released=" + encode(after.mac()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
