package org.switchboard.webadmin.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.switchboard.core.spi.store.DialRule;
import org.switchboard.webadmin.auth.Principal;

/**
 * What the dial plan page and API share: the rules of one domain in the order they are tried, who
 * may test which call, and a rule as the audit log records it. Stateless.
 */
public final class DialPlanActions {

    private DialPlanActions() {
    }

    /** The domain's rules in the order the plan tries them (priority, then name). */
    public static List<DialRule> rules(List<DialRule> all, String domain) {
        return all.stream().filter(r -> r.domain().equals(domain)).toList();
    }

    /**
     * Whether {@code me} may test a call from {@code from} ({@code USER@DOMAIN}) to {@code to}: a
     * domain admin only from their domain, and only to a number of their domain or outside ours
     * (which their domain's plan routes), never into another of our domains.
     */
    public static boolean mayTest(Principal me, String from, String to, Set<String> ourDomains) {
        if (me.isSystemAdmin()) {
            return true;
        }
        int at = from.lastIndexOf('@');
        if (at < 0 || !me.mayAdminister(from.substring(at + 1).strip().toLowerCase(Locale.ROOT))) {
            return false;
        }
        int toAt = to.lastIndexOf('@');
        if (toAt < 0) {
            return true;
        }
        String host = to.substring(toAt + 1).strip().toLowerCase(Locale.ROOT);
        return me.mayAdminister(host) || !ourDomains.contains(host);
    }

    /** A rule as the audit log and the API show it. */
    public static Map<String, String> describe(DialRule r) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("domain", r.domain());
        m.put("priority", Integer.toString(r.priority()));
        m.put("name", r.name());
        m.put("from", r.caller());
        m.put("to", r.callee());
        m.put("schedule", r.schedule() == null ? "" : r.schedule());
        m.put("rewrite", r.rewrite() == null ? "" : r.rewrite());
        m.put("action", r.action());
        return m;
    }
}
