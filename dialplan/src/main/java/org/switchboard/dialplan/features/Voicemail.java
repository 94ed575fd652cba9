package org.switchboard.dialplan.features;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.switchboard.core.message.SipParseException;
import org.switchboard.core.message.SipUri;

/**
 * The mailbox URI templates: option {@code voicemail} for every domain, {@code voicemail.DOMAIN} for
 * one (it wins), e.g. {@code sip:vm-{user}@vm.example.com}, with {@code {user}} the callee's user
 * part and {@code {domain}} its domain. A domain's template {@code off} gives it no mailbox even with
 * a global one. Immutable.
 */
public final class Voicemail {
    /** The option of every domain's template. */
    public static final String OPTION = "voicemail";

    private final String global;
    private final Map<String, String> perDomain;

    private Voicemail(String global, Map<String, String> perDomain) {
        this.global = global;
        this.perDomain = Map.copyOf(perDomain);
    }

    /**
     * The templates among {@code options}.
     *
     * @throws IllegalArgumentException naming a template that does not give a SIP URI
     */
    public static Voicemail of(Map<String, String> options) {
        String global = null;
        Map<String, String> perDomain = new HashMap<>();
        for (Map.Entry<String, String> option : options.entrySet()) {
            String name = option.getKey();
            if (name.equals(OPTION)) {
                global = check(name, option.getValue());
            } else if (name.startsWith(OPTION + ".")) {
                String template = check(name, option.getValue());
                // "" for off: the domain has no mailbox even with a global one
                perDomain.put(name.substring(OPTION.length() + 1).toLowerCase(Locale.ROOT),
                        template == null ? "" : template);
            }
        }
        return new Voicemail(global, perDomain);
    }

    /**
     * @return the template, or {@code null} for {@code off}
     * @throws IllegalArgumentException if it does not give a SIP URI
     */
    public static String check(String option, String template) {
        if (template.equalsIgnoreCase("off")) {
            return null;
        }
        try {
            SipUri.parse(expand(template, "201", "example.com"));
        } catch (SipParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": '" + template + "' does not give a SIP URI ("
                    + e.getMessage() + ")");
        }
        return template;
    }

    /** The mailbox of {@code user} in {@code domain}, or {@code null} when the domain has none. */
    public String mailbox(String user, String domain) {
        String template = perDomain.getOrDefault(domain, global);
        return template == null || template.isEmpty() ? null : expand(template, user, domain);
    }

    private static String expand(String template, String user, String domain) {
        return template.replace("{user}", user).replace("{domain}", domain);
    }
}
