package org.switchboard.core.proxy;

import java.util.List;
import java.util.Set;

/**
 * What this server says about itself in Allow, Accept and Supported headers (RFC 3261 §11.2) and
 * which option tags it accepts in Require (§8.2.2.3). Immutable.
 *
 * @param allowedMethods methods the server handles or routes
 * @param accept media types it accepts in bodies addressed to it
 * @param supportedOptions option tags it supports
 */
public record ServerCapabilities(List<String> allowedMethods, List<String> accept, Set<String> supportedOptions) {

    /** The methods a proxy routes between phones, and OPTIONS answered locally. */
    public static ServerCapabilities defaults() {
        return new ServerCapabilities(
                List.of("INVITE", "ACK", "CANCEL", "BYE", "OPTIONS", "PRACK", "UPDATE", "INFO", "REFER", "MESSAGE",
                        "SUBSCRIBE", "NOTIFY", "PUBLISH"),
                List.of("application/sdp"),
                Set.of());
    }

    public ServerCapabilities {
        allowedMethods = List.copyOf(allowedMethods);
        accept = List.copyOf(accept);
        supportedOptions = Set.copyOf(supportedOptions);
    }

    public boolean allows(String method) {
        return allowedMethods.contains(method);
    }

    public String allowHeader() {
        return String.join(", ", allowedMethods);
    }

    public String acceptHeader() {
        return String.join(", ", accept);
    }

    public String supportedHeader() {
        return String.join(", ", supportedOptions.stream().sorted().toList());
    }
}
