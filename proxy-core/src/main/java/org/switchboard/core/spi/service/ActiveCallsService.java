package org.switchboard.core.spi.service;

import java.util.List;
import java.util.Optional;

/**
 * The calls the proxy follows right now (the same table its call records are written from), for
 * the admin's call list and for features that watch calls. Implemented by the proxy; wired in by the
 * server.
 *
 * <p>There is no "end this call": the proxy record-routes but is no user agent in the dialog, and
 * ending an answered call would need it to send BYE to both ends as a back-to-back user agent,
 * which this engine is not (RFC 3261 §16: a proxy does not originate in-dialog requests).
 *
 * <p><b>Threading:</b> answers from memory, never blocks; thread-safe. Before the SIP stack has
 * started the list is empty.
 */
public interface ActiveCallsService {

    /** The calls followed right now, oldest first. */
    List<ActiveCall> list();

    /** The call with this Call-ID, if it is followed right now. */
    Optional<ActiveCall> find(String callId);
}
