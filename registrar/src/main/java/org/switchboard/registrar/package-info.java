/**
 * The registrar module's entry point: {@link org.switchboard.registrar.Registrar} assembles and
 * runs domains and users, digest authentication, brute-force protection, bindings and REGISTER
 * processing on the storage named by {@link org.switchboard.registrar.RegistrarStorage}, with the
 * settings of {@link org.switchboard.registrar.RegistrarConfig}.
 */
package org.switchboard.registrar;
