package org.switchboard.server.cli;

import org.switchboard.server.config.HttpSettings;

/** Parses the HTTP port: a port number, or 0 to switch HTTP off. Stateless and thread-safe. */
public final class HttpPortConverter extends PortConverter {

    @Override
    public Integer convert(String value) {
        if (value.strip().equals(Integer.toString(HttpSettings.DISABLED))) {
            return HttpSettings.DISABLED;
        }
        return super.convert(value);
    }
}
