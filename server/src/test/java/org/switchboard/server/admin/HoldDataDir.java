package org.switchboard.server.admin;

import java.io.IOException;
import java.nio.file.Path;
import org.switchboard.server.data.Storage;
import org.switchboard.store.Database;

/** Run as a separate process by tests: holds a data directory open, like a running server, until stdin closes. */
public final class HoldDataDir {
    private HoldDataDir() {
    }

    public static void main(String[] args) throws IOException {
        try (Database db = Storage.inDataDir(Path.of(args[0])).openDatabase(2)) {
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the test to close our stdin
            }
        }
    }
}
