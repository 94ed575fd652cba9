package org.switchboard.accounts.directory;

import java.util.List;
import org.switchboard.core.spi.store.User;

/**
 * The outcome of a bulk import: how many users were added, or which lines were invalid, and why (an
 * import with an invalid line adds nobody). Immutable. Rejected lines are identified by number only,
 * never by content (it holds a password).
 *
 * @param valid the users of the valid lines (without their passwords), for a preview
 */
public record ImportReport(String domain, int imported, List<RejectedLine> rejected, List<User> valid) {

    /** An invalid line of the file, numbered from 1. */
    public record RejectedLine(int lineNumber, String reason) {
        @Override
        public String toString() {
            return "line " + lineNumber + ": " + reason;
        }
    }

    public ImportReport {
        rejected = List.copyOf(rejected);
        valid = List.copyOf(valid);
    }

    /**
     * One line for the admin, e.g. {@code Imported 5000 users into example.com} or {@code Nothing
     * imported into example.com: 2 lines are invalid; fix them and import the file again}.
     */
    public String summary() {
        if (rejected.isEmpty()) {
            return "Imported " + imported + " users into " + domain;
        }
        return "Nothing imported into " + domain + ": " + rejected.size() + (rejected.size() == 1 ? " line is" : " lines are")
                + " invalid; fix " + (rejected.size() == 1 ? "it" : "them") + " and import the file again";
    }
}
