/**
 * The dial plan: an ordered list of rules per domain, matched on the caller, the dialled number and
 * the time, deciding where each call goes (forward, redirect, reject, or rewrite and go on). It is
 * the proxy's {@link org.switchboard.core.spi.route.Router}.
 *
 * <p>Sub-packages, each using only those before it: {@code pattern} (the two number-pattern
 * syntaxes and rewrites), {@code rule} (the rule model, schedules and the parser from the stored
 * text), {@code plan} (the compiled, immutable plan and its evaluation) and {@code plugin} (the
 * router and the plugin that loads, compiles and swaps plans).
 */
package org.switchboard.dialplan;
