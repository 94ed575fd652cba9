package org.switchboard.core.transaction;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class TransactionPackageDependenciesTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.switchboard.core.transaction");

    @Test
    void transactionLayerUsesNoNettyTypes() {
        noClasses().that().resideInAPackage("org.switchboard.core.transaction..")
                .should().dependOnClassesThat().resideInAPackage("io.netty..")
                .check(classes);
    }

    @Test
    void transactionLayerDoesNotDependOnTheLayersAboveIt() {
        noClasses().that().resideInAPackage("org.switchboard.core.transaction..")
                .should().dependOnClassesThat().resideInAnyPackage("org.switchboard.core.proxy..",
                        "org.switchboard.core.plugin..", "org.switchboard.core.store..")
                .check(classes);
    }
}
