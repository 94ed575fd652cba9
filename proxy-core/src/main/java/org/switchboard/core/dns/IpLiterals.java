package org.switchboard.core.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Recognises IPv4 and IPv6 address literals without ever asking DNS. Stateless. */
public final class IpLiterals {
    private IpLiterals() {
    }

    /**
     * The address a literal names (IPv6 with or without brackets), or {@code null} if {@code host}
     * is a host name.
     */
    public static InetAddress parse(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!isIpv4(h) && !isIpv6(h)) {
            return null;
        }
        try {
            return InetAddress.getByName(h); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean isIpv4(String h) {
        int dots = 0;
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return dots == 3 && !h.startsWith(".") && !h.endsWith(".") && !h.contains("..");
    }

    private static boolean isIpv6(String h) {
        if (h.indexOf(':') < 0) {
            return false;
        }
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
                return false;
            }
        }
        return true;
    }
}
