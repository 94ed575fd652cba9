package org.switchboard.testkit.phone;

import java.net.InetSocketAddress;

/** A minimal audio session description (RFC 4566) for offers and answers; no media flows in tests. */
final class Sdp {
    static final String CONTENT_TYPE = "application/sdp";

    private Sdp() {
    }

    /** PCMU on a port of the phone's address: enough for a proxy, which never reads it. */
    static String audio(InetSocketAddress phone, String user) {
        String ip = phone.getAddress().getHostAddress();
        String family = ip.contains(":") ? "IP6" : "IP4";
        return "v=0\r\n"
                + "o=" + user + " 1 1 IN " + family + " " + ip + "\r\n"
                + "s=-\r\n"
                + "c=IN " + family + " " + ip + "\r\n"
                + "t=0 0\r\n"
                + "m=audio " + (phone.getPort() + 2) + " RTP/AVP 0\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n";
    }
}
