package org.switchboard.webadmin.directory;

import java.util.List;
import org.switchboard.core.spi.store.User;

/**
 * What a CSV import of users did or, as a dry run, would do: all or nothing, so {@code imported} is
 * 0 whenever a line is invalid. Immutable.
 *
 * @param imported how many users were added (0 for a dry run)
 * @param valid the users of the valid lines, without passwords, for the preview
 * @param problems each invalid line, e.g. {@code line 3: missing password}
 */
public record ImportResult(String domain, boolean dryRun, int imported, List<User> valid, List<String> problems) {

    public ImportResult {
        valid = List.copyOf(valid);
        problems = List.copyOf(problems);
    }

    /** One sentence for the admin. */
    public String summary() {
        if (!problems.isEmpty()) {
            return "Nothing " + (dryRun ? "would be " : "") + "imported into " + domain + ": " + problems.size()
                    + (problems.size() == 1 ? " line is" : " lines are") + " invalid; fix "
                    + (problems.size() == 1 ? "it" : "them") + " and try again.";
        }
        return dryRun ? "Check passed: " + valid.size() + " users would be imported into " + domain + "."
                : "Imported " + imported + " users into " + domain + ".";
    }
}
