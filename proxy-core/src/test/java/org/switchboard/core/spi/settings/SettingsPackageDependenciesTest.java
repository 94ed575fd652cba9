package org.switchboard.core.spi.settings;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps the settings SPI a leaf: it needs only the JDK and the logging API, so every module can
 * declare sections and the store module can implement {@link SettingsStore} without pulling in the
 * engine.
 */
class SettingsPackageDependenciesTest {
    private static final JavaClasses SETTINGS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.switchboard.core.spi.settings");

    @Test
    void settingsDependOnlyOnTheJdkAndTheLoggingApi() {
        classes().that().resideInAPackage("org.switchboard.core.spi.settings")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "org.switchboard.core.spi.settings", "java..", "org.slf4j")
                .check(SETTINGS);
    }
}
