package org.switchboard.dialplan.rule;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.switchboard.core.message.SipParseException;
import org.switchboard.core.message.SipUri;
import org.switchboard.core.spi.store.DialRule;
import org.switchboard.core.spi.store.DialSchedule;
import org.switchboard.dialplan.pattern.NumberPattern;
import org.switchboard.dialplan.pattern.RuleSyntaxException;

/**
 * Turns the stored texts of rules and schedules into their model, or throws a {@link
 * RuleSyntaxException} naming the field and the position of the first error. Stateless.
 */
public final class RuleParser {
    private static final List<String> DAY_NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private RuleParser() {
    }

    /**
     * @param schedules the known schedules by name
     * @throws RuleSyntaxException if a field is wrong
     */
    public static Rule rule(DialRule stored, Map<String, Schedule> schedules) {
        if (stored.name().isBlank()) {
            throw new RuleSyntaxException("name", -1, "a rule needs a name");
        }
        String domain = stored.domain().toLowerCase(Locale.ROOT);
        NumberPattern callee = NumberPattern.compile("callee", stored.callee().trim(), stored.rewrite());
        Action action = action(stored.action().trim());
        if (action instanceof Action.Continue && !callee.rewrites()) {
            throw new RuleSyntaxException("action", 0, "continue only rewrites the number, but the rule has no rewrite");
        }
        return new Rule(domain, stored.priority(), stored.name(), caller(domain, stored.caller().trim()), callee,
                schedule(stored.schedule(), schedules), action);
    }

    static CallerCondition caller(String domain, String text) {
        if (text.isEmpty() || text.equals("*")) {
            return new CallerCondition.Anyone();
        }
        int colon = text.indexOf(':');
        String kind = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1).trim();
        if (value.isEmpty() && !kind.equals("trunk")) {
            throw new RuleSyntaxException("caller", text.length(),
                    "write *, user:NAME, number:PATTERN, class:CLASS or trunk:NAME");
        }
        switch (kind) {
            case "user":
                return new CallerCondition.User(domain, value);
            case "number":
                return new CallerCondition.Number(NumberPattern.compile("caller", value, null));
            case "class":
                try {
                    return new CallerCondition.OfClass(PermissionClass.of(value));
                } catch (IllegalArgumentException e) {
                    throw new RuleSyntaxException("caller", colon + 1, e.getMessage());
                }
            case "trunk":
                if (!value.matches("[A-Za-z0-9._-]*")) {
                    throw new RuleSyntaxException("caller", colon + 1, "a trunk name is letters, digits, . _ -");
                }
                return new CallerCondition.FromTrunk(value);
            default:
                throw new RuleSyntaxException("caller", 0, "unknown caller condition '" + kind
                        + "'; write *, user:NAME, number:PATTERN, class:CLASS or trunk:NAME");
        }
    }

    static ScheduleCondition schedule(String text, Map<String, Schedule> schedules) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String name = text.trim();
        boolean outside = name.startsWith("!");
        if (outside) {
            name = name.substring(1).trim();
        }
        Schedule schedule = schedules.get(name);
        if (schedule == null) {
            throw new RuleSyntaxException("schedule", outside ? 1 : 0, "no schedule named '" + name + "'; known: "
                    + schedules.keySet().stream().sorted().toList());
        }
        return new ScheduleCondition(schedule, outside);
    }

    static Action action(String text) {
        int space = text.indexOf(' ');
        String verb = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        String rest = space < 0 ? "" : text.substring(space + 1).trim();
        switch (verb) {
            case "continue":
                if (!rest.isEmpty()) {
                    throw new RuleSyntaxException("action", space + 1, "continue takes nothing after it");
                }
                return new Action.Continue();
            case "forward":
                return new Action.Forward(targets(rest, space + 1, true).stream().map(t -> t.startsWith("sip")
                        ? (ForwardTarget) new ForwardTarget.Uri(t)
                        : t.startsWith(ForwardTarget.Trunk.PREFIX)
                                ? new ForwardTarget.Trunk(t.substring(ForwardTarget.Trunk.PREFIX.length()))
                                : new ForwardTarget.LocalUser(t)).toList());
            case "redirect":
                return new Action.Redirect(targets(rest, space + 1, false));
            case "reject":
                return reject(rest, space + 1);
            default:
                throw new RuleSyntaxException("action", 0,
                        "unknown action '" + verb + "'; write forward, redirect, reject or continue");
        }
    }

    private static List<String> targets(String text, int offset, boolean usersAllowed) {
        if (text.isEmpty()) {
            throw new RuleSyntaxException("action", offset, "name at least one target");
        }
        List<String> targets = new ArrayList<>();
        int at = offset;
        for (String part : text.split(",", -1)) {
            String target = part.trim();
            if (target.isEmpty()) {
                throw new RuleSyntaxException("action", at, "an empty target");
            }
            int position = at + part.indexOf(target);
            if (target.startsWith("sip:") || target.startsWith("sips:")) {
                try {
                    // the placeholders stand for digits: check the URI with a digit in their place
                    SipUri.parse(ForwardTarget.expand(target, "1", "1", "example.com"));
                } catch (SipParseException | IllegalArgumentException e) {
                    throw new RuleSyntaxException("action", position, "not a SIP URI: " + target);
                }
            } else if (!(usersAllowed && target.matches("trunk:[A-Za-z0-9._-]+")) // a trunk, defined now or later
                    && (!usersAllowed || !target.matches("[A-Za-z0-9.+#*_{}-]+"))) {
                throw new RuleSyntaxException("action", position, usersAllowed
                        ? "a target is a user (201, {user}), trunk:NAME or a sip: URI, not '" + target + "'"
                        : "a redirect target is a sip: URI, not '" + target + "'");
            }
            targets.add(target);
            at += part.length() + 1;
        }
        return targets;
    }

    private static Action reject(String text, int offset) {
        String[] info = text.split(";", 2);
        String[] words = info[0].trim().split("\\s+", 2);
        int status;
        try {
            status = Integer.parseInt(words[0]);
        } catch (NumberFormatException e) {
            throw new RuleSyntaxException("action", offset, "reject takes a status code, e.g. reject 403 Forbidden");
        }
        if (status < 300 || status > 699) {
            throw new RuleSyntaxException("action", offset, "a rejection's status is 300-699, not " + status);
        }
        if (words.length < 2 || words[1].isBlank()) {
            throw new RuleSyntaxException("action", offset + words[0].length(), "reject needs a reason phrase");
        }
        String errorInfo = null;
        if (info.length == 2) {
            String option = info[1].trim();
            if (!option.startsWith("info=") || option.length() == "info=".length()) {
                throw new RuleSyntaxException("action", offset + info[0].length() + 1,
                        "after ; only info=URL (for Error-Info) is known");
            }
            errorInfo = option.substring("info=".length()).trim();
        }
        return new Action.Reject(status, words[1].trim(), errorInfo);
    }

    /**
     * A schedule from its spec: {@code ;}-separated parts, each {@code tz=ZONE} (default UTC),
     * {@code holidays=YYYY-MM-DD,...} or {@code DAYS HH:MM-HH:MM[,HH:MM-HH:MM]} with days such as
     * {@code mon-fri}, {@code sat,sun} or {@code daily}.
     *
     * @throws RuleSyntaxException in field {@code schedule}, at the position of the bad part
     */
    public static Schedule schedule(DialSchedule stored) {
        String spec = stored.spec();
        ZoneId zone = ZoneOffset.UTC;
        List<Schedule.Window> windows = new ArrayList<>();
        Set<LocalDate> holidays = new HashSet<>();
        int at = 0;
        for (String raw : spec.split(";", -1)) {
            String part = raw.trim();
            int position = at + raw.indexOf(part.isEmpty() ? raw : part);
            at += raw.length() + 1;
            if (part.isEmpty()) {
                continue;
            }
            try {
                if (part.startsWith("tz=")) {
                    zone = ZoneId.of(part.substring(3).trim());
                } else if (part.startsWith("holidays=")) {
                    for (String day : part.substring("holidays=".length()).split(",")) {
                        holidays.add(LocalDate.parse(day.trim()));
                    }
                } else {
                    windows.addAll(windows(part));
                }
            } catch (DateTimeException | IllegalArgumentException e) {
                throw new RuleSyntaxException("schedule", position, "cannot read '" + part + "' (" + e.getMessage()
                        + "); write e.g. tz=Europe/Berlin; mon-fri 08:00-18:00; holidays=2026-12-24");
            }
        }
        if (windows.isEmpty()) {
            throw new RuleSyntaxException("schedule", -1, "a schedule needs at least one window, e.g. mon-fri 08:00-18:00");
        }
        return new Schedule(stored.name(), zone, windows, holidays);
    }

    private static List<Schedule.Window> windows(String part) {
        String[] fields = part.split("\\s+", 2);
        if (fields.length < 2) {
            throw new IllegalArgumentException("days and times are needed");
        }
        Set<DayOfWeek> days = days(fields[0].toLowerCase(Locale.ROOT));
        List<Schedule.Window> windows = new ArrayList<>();
        for (String range : fields[1].split(",")) {
            String[] times = range.trim().split("-");
            if (times.length != 2) {
                throw new IllegalArgumentException("a time range is HH:MM-HH:MM");
            }
            windows.add(new Schedule.Window(days, minutes(times[0]), minutes(times[1])));
        }
        return windows;
    }

    private static Set<DayOfWeek> days(String text) {
        if (text.equals("daily")) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String item : text.split(",")) {
            String[] range = item.split("-");
            int from = day(range[0]);
            int to = range.length > 1 ? day(range[1]) : from;
            // mon-fri, or fri-mon across the week's end
            for (int d = from; ; d = (d + 1) % 7) {
                days.add(DayOfWeek.of(d + 1));
                if (d == to) {
                    break;
                }
            }
        }
        return days;
    }

    private static int day(String name) {
        int index = DAY_NAMES.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("unknown day '" + name + "', use mon..sun or daily");
        }
        return index;
    }

    private static int minutes(String time) {
        String[] hm = time.trim().split(":");
        if (hm.length != 2) {
            throw new IllegalArgumentException("a time is HH:MM");
        }
        int hours = Integer.parseInt(hm[0]);
        int minutes = Integer.parseInt(hm[1]);
        if (hours < 0 || hours > 24 || minutes < 0 || minutes > 59 || (hours == 24 && minutes != 0)) {
            throw new IllegalArgumentException("no such time " + time);
        }
        return hours * 60 + minutes;
    }
}
