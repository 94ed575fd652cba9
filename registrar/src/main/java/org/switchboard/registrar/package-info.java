/**
 * The registrar module's entry point: {@link org.switchboard.registrar.Registrar} runs REGISTER
 * processing and the location service over a binding store, kept as its {@link
 * org.switchboard.registrar.Persistence} says, with the settings of {@link
 * org.switchboard.registrar.RegistrarConfig}. Domains and authentication come from the server's
 * wiring through proxy-core interfaces.
 */
package org.switchboard.registrar;
