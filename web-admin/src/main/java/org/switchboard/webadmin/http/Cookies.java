package org.switchboard.webadmin.http;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Request;

/**
 * The web admin's cookies: the session and the login form's double-submit token. Both are
 * {@code HttpOnly} (no script reads them), {@code SameSite=Strict} (no other site's page sends them),
 * limited to the web admin's path, and {@code Secure} when the request came over HTTPS.
 */
final class Cookies {
    static final String SESSION = "switchboard_admin";
    static final String LOGIN = "switchboard_login";

    private Cookies() {
    }

    /** The value of cookie {@code name}, or null. */
    static String read(Request request, String name) {
        for (HttpCookie cookie : Request.getCookies(request)) {
            if (cookie.getName().equals(name)) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /** A Set-Cookie value for {@code name}; a null value deletes the cookie. */
    static String set(Request request, String name, String value) {
        String path = request.getContext().getContextPath();
        return name + "=" + (value == null ? "; Max-Age=0" : value) + "; Path=" + (path.isEmpty() ? "/" : path)
                + "; HttpOnly; SameSite=Strict" + (request.isSecure() ? "; Secure" : "");
    }
}
