package org.switchboard.webadmin.http;

import java.util.Map;

/** What a page answers: a rendered template, a redirect after a POST or to the login, or a static file. */
sealed interface Reply {

    /**
     * A template rendered with {@code model} (plus the layout's common values: the session's
     * administrator and CSRF token unless {@code loggedOut}) and {@code status}.
     */
    record Page(int status, String template, Map<String, Object> model, boolean loggedOut) implements Reply {
        Page(String template, Map<String, Object> model) {
            this(200, template, model, false);
        }

        Page(int status, String template, Map<String, Object> model) {
            this(status, template, model, false);
        }
    }

    /** 303 See Other to {@code location}, a path within the web admin (e.g. {@code /login}). */
    record Redirect(String location) implements Reply {
    }

    /** A file to save (an export), never cached. */
    record Download(String contentType, String fileName, byte[] body) implements Reply {
    }

    /** A static file from the class path. */
    record Asset(String contentType, byte[] body) implements Reply {
    }
}
