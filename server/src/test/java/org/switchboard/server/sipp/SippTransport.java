package org.switchboard.server.sipp;

/** The transport SIPp uses, with one socket for all calls. */
public enum SippTransport {
    UDP("u1"),
    TCP("t1");

    private final String flag;

    SippTransport(String flag) {
        this.flag = flag;
    }

    /** The value of SIPp's {@code -t} option. */
    String flag() {
        return flag;
    }
}
