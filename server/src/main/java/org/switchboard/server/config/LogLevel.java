package org.switchboard.server.config;

/**
 * How much the server logs, from least ({@link #ERROR}) to most ({@link #TRACE}). Immutable and
 * safe to share between threads.
 */
public enum LogLevel {
    ERROR,
    WARN,
    INFO,
    DEBUG,
    TRACE
}
