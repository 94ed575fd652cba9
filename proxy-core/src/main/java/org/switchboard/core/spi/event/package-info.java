/**
 * The typed event bus: the sealed {@link org.switchboard.core.spi.event.SwitchboardEvent}s the core
 * and the feature modules publish (registrations, calls, bans, settings), the {@link
 * org.switchboard.core.spi.event.EventBus} listeners subscribe to with an executor of their choice,
 * and its implementation {@link org.switchboard.core.spi.event.QueuedEventBus}, which never blocks
 * a publisher.
 */
package org.switchboard.core.spi.event;
