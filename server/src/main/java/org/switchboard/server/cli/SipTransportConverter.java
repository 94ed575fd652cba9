package org.switchboard.server.cli;

import java.util.Locale;
import java.util.stream.Collectors;
import org.switchboard.core.transport.Transport;
import org.switchboard.server.config.ServerConfig;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses a SIP transport name, case-insensitively, accepting only the transports the server can
 * listen with. Stateless and thread-safe.
 */
public final class SipTransportConverter implements ITypeConverter<Transport> {

    @Override
    public Transport convert(String value) {
        Transport transport = Transport.fromName(value.strip());
        if (transport == null || !ServerConfig.SUPPORTED_TRANSPORTS.contains(transport)) {
            throw new TypeConversionException("'" + value + "' is not a supported SIP transport; use "
                    + supportedNames());
        }
        return transport;
    }

    private static String supportedNames() {
        return ServerConfig.SUPPORTED_TRANSPORTS.stream()
                .sorted()
                .map(t -> t.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
