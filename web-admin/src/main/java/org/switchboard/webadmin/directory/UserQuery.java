package org.switchboard.webadmin.directory;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.switchboard.core.spi.store.User;

/**
 * One page of a domain's users as a list page asks for it: filtered by a search text (in the name or
 * the display name, ignoring case), sorted by a column either way, cut to a page. Immutable.
 *
 * @param search the text to look for; empty for all
 * @param sort the column: {@code name}, {@code display} or {@code enabled}; anything else sorts by name
 * @param descending whether to sort in reverse
 * @param page the page, from 0
 * @param size users a page
 */
public record UserQuery(String search, String sort, boolean descending, int page, int size) {
    /** The columns a list can be sorted by. */
    public static final List<String> SORTS = List.of("name", "display", "enabled");

    public UserQuery {
        search = search == null ? "" : search.strip();
        sort = SORTS.contains(sort) ? sort : "name";
        page = Math.max(0, page);
        size = Math.max(1, size);
    }

    /**
     * The page's users, how many matched in all, and the page (moved to the last one if asked beyond).
     *
     * @param users total the number that matched; pages is at least 1
     */
    public record Result(List<User> users, int total, int page, int pages) {
    }

    public Result apply(List<User> all) {
        String needle = search.toLowerCase(Locale.ROOT);
        List<User> matched = all.stream().filter(u -> needle.isEmpty()
                || u.name().toLowerCase(Locale.ROOT).contains(needle)
                || (u.displayName() != null && u.displayName().toLowerCase(Locale.ROOT).contains(needle)))
                .sorted(descending ? comparator().reversed() : comparator()).toList();
        int pages = Math.max(1, (matched.size() + size - 1) / size);
        int shown = Math.min(page, pages - 1);
        int from = shown * size;
        return new Result(matched.subList(from, Math.min(matched.size(), from + size)), matched.size(), shown, pages);
    }

    private Comparator<User> comparator() {
        Comparator<User> byName = Comparator.comparing(User::name);
        return switch (sort) {
            case "display" -> Comparator.comparing((User u) -> u.displayName() == null ? ""
                    : u.displayName().toLowerCase(Locale.ROOT)).thenComparing(byName);
            case "enabled" -> Comparator.comparing(User::enabled).thenComparing(byName);
            default -> byName;
        };
    }
}
