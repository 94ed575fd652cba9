package org.switchboard.server.cli;

import org.switchboard.server.config.BackupSchedule;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --backup-schedule}: {@code daily@HH:MM} or {@code off}. Stateless and thread-safe. */
public final class BackupScheduleConverter implements ITypeConverter<BackupSchedule> {
    @Override
    public BackupSchedule convert(String value) {
        try {
            return BackupSchedule.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
