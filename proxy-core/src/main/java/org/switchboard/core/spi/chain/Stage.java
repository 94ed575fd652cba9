package org.switchboard.core.spi.chain;

/**
 * Where in the request chain a plugin's {@link org.switchboard.core.spi.chain.RequestProcessor} runs.
 * The core's own checks come first (SIP version, URI scheme, loops, Route preprocessing, CANCEL,
 * Require); then, in this order:
 *
 * <ol>
 *   <li>{@link #SANITY}: more checks on any request (size, policy);
 *   <li>{@link #NAT}: fix-ups for phones behind NAT (rport, contact aliasing);
 *   <li>{@link #AUTH}: authentication of any request, before local answers;
 *   <li>{@link #LOCAL}: requests for the server itself (REGISTER to the registrar, ua-profile
 *       SUBSCRIBE to plug-and-play), after the core's answer to OPTIONS;
 *   <li>{@link #ROUTE}: requests to be forwarded, after Max-Forwards, the relay check and the
 *       proxy's own authentication, right before the {@code Router} is asked.
 * </ol>
 *
 * Within a stage, processors run in the order they were added.
 */
public enum Stage {
    SANITY, NAT, AUTH, LOCAL, ROUTE
}
