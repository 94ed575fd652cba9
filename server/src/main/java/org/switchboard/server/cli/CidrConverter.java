package org.switchboard.server.cli;

import org.switchboard.accounts.bruteforce.Cidr;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses an IPv4 or IPv6 network in CIDR notation, e.g. {@code 192.168.1.0/24} or {@code
 * 2001:db8::/32}; a bare address is one host. Names are refused, never looked up. Stateless.
 */
public final class CidrConverter implements ITypeConverter<Cidr> {

    @Override
    public Cidr convert(String value) {
        try {
            return Cidr.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value + "' is not an IP network such as 192.168.1.0/24 or "
                    + "2001:db8::/32");
        }
    }
}
