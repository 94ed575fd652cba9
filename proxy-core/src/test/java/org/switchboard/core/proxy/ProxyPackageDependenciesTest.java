package org.switchboard.core.proxy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** DNS and call records serve the proxy and know nothing of it; routing knows nothing of forking. */
class ProxyPackageDependenciesTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.switchboard.core");

    @Test
    void dnsAndCallRecordsDoNotKnowTheProxy() {
        noClasses().that().resideInAnyPackage("org.switchboard.core.dns..", "org.switchboard.core.cdr..")
                .should().dependOnClassesThat().resideInAnyPackage("org.switchboard.core.proxy..",
                        "org.switchboard.core.transaction..", "io.netty..")
                .check(CORE);
    }

    @Test
    void routingDependsOnlyOnTheModelAndLocation() {
        noClasses().that().resideInAPackage("org.switchboard.core.proxy.routing..")
                .should().dependOnClassesThat().resideInAnyPackage("org.switchboard.core.transaction..",
                        "org.switchboard.core.dns..", "io.netty..")
                .orShould().dependOnClassesThat().resideInAPackage("org.switchboard.core.proxy")
                .check(CORE);
    }
}
