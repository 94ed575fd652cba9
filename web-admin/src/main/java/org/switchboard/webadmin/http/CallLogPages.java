package org.switchboard.webadmin.http;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpStatus;
import org.switchboard.core.spi.store.CallRecord;
import org.switchboard.webadmin.directory.CallLog;

/**
 * The call log: the calls of a date range (UTC days, both included; today when none is given, so a
 * visit never scans the whole table), newest first, {@value #PAGE_SIZE} a page, paged in the
 * database. For system admins: call records carry no domain to scope them by. Thread-safe.
 */
final class CallLogPages {
    static final int PAGE_SIZE = 50;
    /** Longest range one request may ask for; the start-time index keeps each page cheap, not a range scan. */
    static final int MAX_DAYS = 366;

    private final CallLog calls;
    private final Clock clock;

    CallLogPages(CallLog calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    Route route() {
        return new Route(true, this::page, null);
    }

    private Reply page(Exchange ex) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from;
        LocalDate to;
        try {
            from = ex.field("from").isEmpty() ? today : LocalDate.parse(ex.field("from"));
            to = ex.field("to").isEmpty() ? from : LocalDate.parse(ex.field("to"));
        } catch (DateTimeParseException e) {
            return AdminHandler.error(HttpStatus.BAD_REQUEST_400, "Bad date",
                    "Dates are written as YYYY-MM-DD, e.g. " + today + ".");
        }
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            return AdminHandler.error(HttpStatus.BAD_REQUEST_400, "Bad date range",
                    "The range must end on or after its start and span at most " + MAX_DAYS + " days.");
        }
        int page = ex.number("page", 0);
        List<CallRecord> rows = calls.between(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), page * PAGE_SIZE, PAGE_SIZE + 1);
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Call log");
        model.put("from", from.toString());
        model.put("to", to.toString());
        model.put("page", page);
        model.put("hasNext", rows.size() > PAGE_SIZE);
        model.put("calls", rows.subList(0, Math.min(PAGE_SIZE, rows.size())).stream().map(CallRow::of).toList());
        return new Reply.Page("calls.ftlh", model);
    }
}
