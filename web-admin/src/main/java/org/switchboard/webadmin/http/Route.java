package org.switchboard.webadmin.http;

/**
 * A page behind the login: who may open it and what answers GET and POST.
 *
 * @param systemOnly only system admins may open it (domain admins get 403)
 * @param get answers GET, or null if the page has none
 * @param post answers POST, or null if the page takes none
 */
record Route(boolean systemOnly, Action get, Action post) {

    /** Answers one request; may block (database). */
    @FunctionalInterface
    interface Action {
        Reply handle(Exchange exchange);
    }
}
