/**
 * The rule model: caller conditions, actions and their targets, named schedules with holidays, and
 * {@link org.switchboard.dialplan.rule.RuleParser}, which turns a stored rule's texts into a {@link
 * org.switchboard.dialplan.rule.Rule} or says, with the field and position, what is wrong.
 */
package org.switchboard.dialplan.rule;
