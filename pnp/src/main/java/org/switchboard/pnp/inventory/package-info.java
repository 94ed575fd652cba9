/**
 * The phones the server provisions: the {@link org.switchboard.pnp.inventory.DeviceInventory}
 * interface the device database implements, and the empty inventory used while there is none.
 */
package org.switchboard.pnp.inventory;
