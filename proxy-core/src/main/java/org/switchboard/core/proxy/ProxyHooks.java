package org.switchboard.core.proxy;

import java.util.List;
import org.switchboard.core.spi.chain.ResponseProcessor;
import org.switchboard.core.spi.chain.TargetProcessor;
import org.switchboard.core.spi.relay.RelayHook;

/**
 * What plugins contribute to forwarding: the target stage, the response stage and the relay point.
 * Immutable; with nothing registered ({@link #NONE}) forwarding does exactly what it did without.
 *
 * @param targets the target stage, in order
 * @param responses the response stage, in order
 * @param relay the relay hooks, in order
 */
public record ProxyHooks(List<TargetProcessor> targets, List<ResponseProcessor> responses, List<RelayHook> relay) {
    /** No hooks. */
    public static final ProxyHooks NONE = new ProxyHooks(List.of(), List.of(), List.of());

    public ProxyHooks {
        targets = List.copyOf(targets);
        responses = List.copyOf(responses);
        relay = List.copyOf(relay);
    }
}
