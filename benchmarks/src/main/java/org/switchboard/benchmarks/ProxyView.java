package org.switchboard.benchmarks;

/**
 * What one pass of the proxy hot path read from a message and the bytes it forwards. Both
 * implementations return the same view for the same input, which is what the tests check.
 *
 * @param topViaBranch branch of the received top Via
 * @param cseqNumber CSeq sequence number
 * @param cseqMethod CSeq method
 * @param callId Call-ID
 * @param maxForwards received Max-Forwards, -1 if absent (responses)
 * @param fromTag From tag
 * @param toTag To tag, {@code null} on an initial request
 * @param routeHost host of the first Route (requests) or Record-Route (responses) URI, or {@code null}
 * @param routeCount number of Route (requests) or Record-Route (responses) values
 * @param contactHost host of the first Contact URI, or {@code null}
 * @param contactCount number of Contact values
 * @param forwarded the message as the proxy sends it on, or {@code null} for a view of the reads alone
 */
public record ProxyView(
        String topViaBranch,
        long cseqNumber,
        String cseqMethod,
        String callId,
        int maxForwards,
        String fromTag,
        String toTag,
        String routeHost,
        int routeCount,
        String contactHost,
        int contactCount,
        byte[] forwarded) {

    /** The proxy's own sent-by, put in the Via it adds to requests. */
    public static final String PROXY_HOST = "10.0.0.2";

    /** The port of {@link #PROXY_HOST}. */
    public static final int PROXY_PORT = 5060;

    /**
     * The branch of the proxy's Via for a request whose top Via has {@code receivedBranch}:
     * derived from it, as a stateless proxy does (RFC 3261 §16.11), identically in both
     * implementations.
     */
    public static String branchFor(String receivedBranch) {
        return "z9hG4bKsb" + Integer.toHexString(receivedBranch.hashCode());
    }
}
