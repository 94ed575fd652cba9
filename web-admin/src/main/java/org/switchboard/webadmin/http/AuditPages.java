package org.switchboard.webadmin.http;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.core.spi.store.AuditEntry;
import org.switchboard.webadmin.audit.AuditLog;
import org.switchboard.webadmin.auth.Principal;

/**
 * The audit log page, newest first, {@value #PAGE_SIZE} a page: a system admin sees every entry, a
 * domain admin those of their domain. Thread-safe.
 */
final class AuditPages {
    static final int PAGE_SIZE = 50;

    private final AuditLog audit;

    AuditPages(AuditLog audit) {
        this.audit = audit;
    }

    Route route() {
        return new Route(false, this::page, null);
    }

    private Reply page(Exchange ex) {
        Principal me = ex.principal();
        int page = ex.number("page", 0);
        // one more than a page, to know whether a next page exists without counting the table
        List<AuditEntry> entries = audit.page(me.isSystemAdmin() ? null : me.domain(), page * PAGE_SIZE,
                PAGE_SIZE + 1);
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Audit log");
        model.put("entries", entries.subList(0, Math.min(PAGE_SIZE, entries.size())));
        model.put("page", page);
        model.put("hasNext", entries.size() > PAGE_SIZE);
        return new Reply.Page("audit.ftlh", model);
    }
}
