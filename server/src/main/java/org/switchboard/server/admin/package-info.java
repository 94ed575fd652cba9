/**
 * Admin commands (picocli) on the registrar's data directory: {@code domain add|list|remove},
 * {@code user add|list|remove|passwd|import}, {@code ban list|lift} and {@code calls}, registered in
 * the server's {@code switchboard} command through {@link org.switchboard.server.admin.AdminCommands}. Each
 * command opens the database itself and runs on the calling thread; {@code ban lift} passes its lift
 * to a running server through the data directory.
 */
package org.switchboard.server.admin;
