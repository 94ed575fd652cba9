package org.switchboard.server.cli;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses an IPv4 or IPv6 address literal, IPv6 optionally in brackets. Host names are rejected:
 * a listen address must not depend on DNS at start-up. Stateless and thread-safe.
 */
public final class IpAddressConverter implements ITypeConverter<InetAddress> {

    @Override
    public InetAddress convert(String value) {
        String literal = value.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        InetAddress address = NetUtil.createInetAddressFromIpAddressString(literal);
        if (address == null) {
            throw new TypeConversionException("'" + value + "' is not an IPv4 or IPv6 address");
        }
        return address;
    }
}
