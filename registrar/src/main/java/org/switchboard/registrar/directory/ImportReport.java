package org.switchboard.registrar.directory;

import java.util.List;

/**
 * The outcome of a bulk import: how many users were added and which lines were skipped, and why.
 * Immutable. Rejected lines are identified by number only, never by content (it holds a password).
 */
public record ImportReport(String domain, int imported, List<RejectedLine> rejected) {

    /** A skipped line of the file, numbered from 1. */
    public record RejectedLine(int lineNumber, String reason) {
        @Override
        public String toString() {
            return "line " + lineNumber + ": " + reason;
        }
    }

    public ImportReport {
        rejected = List.copyOf(rejected);
    }

    /** One line for the admin, e.g. {@code Imported 4998 users into example.com; 2 lines rejected}. */
    public String summary() {
        return "Imported " + imported + " users into " + domain + "; " + rejected.size() + " lines rejected";
    }
}
