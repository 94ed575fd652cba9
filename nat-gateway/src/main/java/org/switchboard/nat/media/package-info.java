/**
 * The RTP relay: for a call with a phone behind NAT (or every call, or none) the proxy anchors the
 * media. The SDP of offers and answers is rewritten at the relay point to name a pair of relay
 * ports per stream ({@link org.switchboard.nat.media.SessionDescription}), RTP and RTCP are
 * forwarded both ways with symmetric latching ({@link org.switchboard.nat.media.Latch}), and the
 * ports go back to their range when the call ends or its media stops.
 */
package org.switchboard.nat.media;
