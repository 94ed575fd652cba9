/**
 * The dial plan in the server: {@link org.switchboard.dialplan.plugin.DialPlanRouter}, the proxy's
 * router, and {@link org.switchboard.dialplan.plugin.DialPlanPlugin}, which loads the plan from the
 * store, installs the router and swaps in a recompiled plan whenever the store's revision moves.
 */
package org.switchboard.dialplan.plugin;
