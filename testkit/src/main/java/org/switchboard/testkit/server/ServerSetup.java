package org.switchboard.testkit.server;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@link SwitchboardServer} asks a {@link ServerLauncher} to start.
 *
 * @param address the one address to listen on (127.0.0.1)
 * @param sipPort the SIP port, for UDP and TCP both
 * @param httpPort the HTTP port, or 0 for no HTTP server
 * @param dataDirectory an empty or earlier-used data directory of this test
 * @param users the domains and users to create before the server starts
 * @param options launcher-specific settings by name (see the launcher's documentation)
 */
public record ServerSetup(InetAddress address, int sipPort, int httpPort, Path dataDirectory, List<User> users,
        Map<String, String> options) {
    /**
     * A user to create; a {@code null} user stands for a domain without users.
     *
     * @param domain the SIP domain
     * @param user the user part, or {@code null}
     * @param password the password, or {@code null}
     */
    public record User(String domain, String user, String password) {
    }

    /** Compact copies of the lists. */
    public ServerSetup {
        users = List.copyOf(users);
        options = Map.copyOf(options);
    }

    /** The domains named in {@link #users()}, in order, each once. */
    public List<String> domains() {
        return users.stream().map(User::domain).distinct().toList();
    }
}
