package org.switchboard.server.cli;

import org.switchboard.server.config.ServerConfig;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a port number and rejects anything outside 1 to 65535. Stateless and thread-safe; open for {@link HttpPortConverter}. */
public class PortConverter implements ITypeConverter<Integer> {

    @Override
    public Integer convert(String value) {
        int port;
        try {
            port = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a port number");
        }
        if (port < ServerConfig.MIN_PORT || port > ServerConfig.MAX_PORT) {
            throw new TypeConversionException("port " + port + " is not between "
                    + ServerConfig.MIN_PORT + " and " + ServerConfig.MAX_PORT);
        }
        return port;
    }
}
