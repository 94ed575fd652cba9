/**
 * The compiled dial plan: every domain's rules in order with a prefix index over the numbers they
 * accept, the schedules, permission classes and options, all immutable, so a plan is swapped in
 * one step ({@link org.switchboard.dialplan.plan.PlanHolder}) while calls in progress keep theirs;
 * and its evaluation into an {@link org.switchboard.dialplan.plan.Outcome}.
 */
package org.switchboard.dialplan.plan;
