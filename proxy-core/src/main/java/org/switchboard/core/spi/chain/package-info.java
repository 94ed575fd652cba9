/**
 * The request chain as plugins extend it: the {@link org.switchboard.core.spi.chain.Stage}s where
 * their {@link org.switchboard.core.spi.chain.RequestProcessor}s run, collected in {@link
 * org.switchboard.core.spi.chain.ProcessorStages}; the target stage that may change each outgoing
 * copy ({@link org.switchboard.core.spi.chain.TargetProcessor}) and the response stage that sees each
 * branch's final response and may add targets ({@link org.switchboard.core.spi.chain.ResponseProcessor}).
 * Processors run on the call's shard and never block; asynchronous work returns {@link
 * org.switchboard.core.spi.chain.ProcessorResult#async}.
 */
package org.switchboard.core.spi.chain;
