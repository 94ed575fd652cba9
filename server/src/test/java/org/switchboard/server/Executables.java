package org.switchboard.server;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Test support: finds a program the way a shell would, for tests that drive real SIP clients
 * (SIPp, baresip, sipvicious) and skip when one is not installed. Stateless and thread-safe.
 */
public final class Executables {
    private Executables() {
    }

    /** The executable {@code name} on this process's {@code PATH}. */
    public static Optional<Path> onPath(String name) {
        return find(name, System.getenv("PATH"));
    }

    /** The executable {@code name} in the first directory of {@code searchPath} that has one. */
    public static Optional<Path> find(String name, String searchPath) {
        if (searchPath == null || searchPath.isBlank()) {
            return Optional.empty();
        }
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
