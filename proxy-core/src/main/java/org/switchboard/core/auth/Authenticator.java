package org.switchboard.core.auth;

import java.net.InetAddress;
import org.switchboard.core.message.SipRequest;

/**
 * Authenticates SIP requests from our own users: REGISTER in the {@link AuthRole#REGISTRAR} role,
 * INVITE and other requests in the {@link AuthRole#PROXY} role, with one implementation for both.
 *
 * <p><b>Threading: {@link #authenticate} may block</b> (read a user store) unless {@link #blocks()}
 * says otherwise. A blocking authenticator is called from the blocking executor, never on a Netty
 * event loop: the request chain parks the request and resumes it on the call's shard with the
 * result. One that answers from memory is called on the shard directly, saving two thread hand-offs
 * per request. A blocking method is chosen over a {@code CompletableFuture} so that the one executor
 * that bounds database work stays in the caller's hands and an implementation owns no threads.
 * Implementations are thread-safe.
 */
public interface Authenticator {

    /**
     * Decides about one request.
     *
     * @param request the request as received
     * @param source the address the request came from (the flow's remote address), used for
     *     brute-force protection
     * @param role whether to challenge as a registrar (401) or as a proxy (407)
     * @return never {@code null}
     */
    AuthResult authenticate(SipRequest request, InetAddress source, AuthRole role);

    /** Whether {@link #authenticate} may block; false lets callers run it on an event loop. */
    default boolean blocks() {
        return true;
    }
}
