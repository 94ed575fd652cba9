/**
 * The {@code switchboard} command line, built with picocli: {@link
 * org.switchboard.server.cli.SwitchboardCli} assembles the top command and its subcommands,
 * {@link org.switchboard.server.cli.ServerOptions} turns flags and {@code SWITCHBOARD_*}
 * environment variables into a validated {@link org.switchboard.server.config.ServerConfig}, and a
 * {@link org.switchboard.server.cli.ServerRunner} runs the server with it. Bad input ends with a
 * one-line error and the usage on standard error and exit code 2.
 */
package org.switchboard.server.cli;
