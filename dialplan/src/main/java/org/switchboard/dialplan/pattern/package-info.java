/**
 * Number patterns in two syntaxes, one model: simple patterns ({@code x} a digit, {@code [1-5]} a
 * class, {@code *} the rest, {@code ~} any of our domains, literals) and regular expressions in the
 * {@code !pattern!replacement!flags} form with back-references. Each says whether a number matches,
 * or is a proper prefix of a number it would match (for 484 Address Incomplete), and rewrites it.
 */
package org.switchboard.dialplan.pattern;
