/**
 * REGISTER processing (RFC 3261 §10.3, RFC 3327, RFC 5626 §6): the {@link
 * org.switchboard.registrar.register.RegistrarProcessor} in the request chain hands each REGISTER
 * to the blocking {@link org.switchboard.registrar.register.RegisterHandler}, which authenticates,
 * validates Contact and Expires against the {@link org.switchboard.registrar.register.ExpiryRules},
 * and answers 200 once the binding writer has committed the change.
 */
package org.switchboard.registrar.register;
