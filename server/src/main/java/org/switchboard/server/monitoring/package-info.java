/**
 * Monitoring over the server's HTTP port: Prometheus metrics at {@code /metrics} (Micrometer) and
 * liveness and readiness at {@code /health}. The counters themselves live where the work is done
 * (the transports, the transaction layer, the registrar, the brute-force guard) or are taken from
 * the event bus off the SIP threads; this package only reads them when scraped.
 */
package org.switchboard.server.monitoring;
