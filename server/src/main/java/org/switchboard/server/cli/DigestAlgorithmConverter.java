package org.switchboard.server.cli;

import org.switchboard.accounts.digest.DigestAlgorithm;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a digest algorithm name (sha-256, md5), case-insensitively. Stateless and thread-safe. */
public final class DigestAlgorithmConverter implements ITypeConverter<DigestAlgorithm> {

    @Override
    public DigestAlgorithm convert(String value) {
        DigestAlgorithm algorithm = value.isBlank() ? null : DigestAlgorithm.fromToken(value.strip());
        if (algorithm == null) {
            throw new TypeConversionException("'" + value + "' is not a supported digest algorithm; use sha-256, md5");
        }
        return algorithm;
    }
}
