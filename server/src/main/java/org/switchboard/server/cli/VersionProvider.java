package org.switchboard.server.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * Reports the version from the jar manifest ({@code Implementation-Version}), or says that the
 * classes do not come from a release jar. Stateless and thread-safe.
 */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"Switchboard " + current()};
    }

    /** The version of the running Switchboard, e.g. {@code 0.1.0}. */
    public static String current() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return version != null ? version : "(version unknown: not run from the switchboard jar)";
    }
}
