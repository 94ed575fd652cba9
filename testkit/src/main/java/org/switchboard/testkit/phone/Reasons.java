package org.switchboard.testkit.phone;

/** Reason phrases of RFC 3261 §21 for the statuses a script sends. */
final class Reasons {
    private Reasons() {
    }

    static String of(int status) {
        return switch (status) {
            case 100 -> "Trying";
            case 180 -> "Ringing";
            case 181 -> "Call Is Being Forwarded";
            case 182 -> "Queued";
            case 183 -> "Session Progress";
            case 200 -> "OK";
            case 202 -> "Accepted";
            case 302 -> "Moved Temporarily";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 480 -> "Temporarily Unavailable";
            case 481 -> "Call/Transaction Does Not Exist";
            case 486 -> "Busy Here";
            case 487 -> "Request Terminated";
            case 488 -> "Not Acceptable Here";
            case 500 -> "Server Internal Error";
            case 503 -> "Service Unavailable";
            case 600 -> "Busy Everywhere";
            case 603 -> "Decline";
            default -> "Status " + status;
        };
    }
}
