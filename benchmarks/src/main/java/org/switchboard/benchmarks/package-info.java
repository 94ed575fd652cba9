/**
 * JMH benchmarks of the proxy hot path: parse a received message, read the headers a proxy
 * routes on, add or pop a Via, decrement Max-Forwards and serialise. Each operation is done once
 * with the lazy {@code org.switchboard.core.message} model ({@link
 * org.switchboard.benchmarks.LazyHotPath}) and once with a full jain-sip-ri parse ({@link
 * org.switchboard.benchmarks.JainSipHotPath}) on the same {@link
 * org.switchboard.benchmarks.SampleMessage}s. Results and the reproduce command are in
 * {@code docs/performance.md}.
 */
package org.switchboard.benchmarks;
