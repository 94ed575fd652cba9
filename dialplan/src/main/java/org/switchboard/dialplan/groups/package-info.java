/**
 * Hunt and ring groups: virtual extensions that ring their members all together or one by one, with
 * a fallback when nobody answers. {@link org.switchboard.dialplan.groups.GroupDecision} turns a
 * group and its members' targets into the proxy's decision.
 */
package org.switchboard.dialplan.groups;
