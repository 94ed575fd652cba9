package org.switchboard.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps the dependencies inside proxy-core pointing one way: message knows nothing else; the
 * transport API and the transaction layer know no Netty; nothing below the proxy knows the proxy.
 */
class PackageDependenciesTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.switchboard.core");

    @Test
    void messageModelDependsOnNothingElseOfTheServer() {
        noClasses().that().resideInAPackage("org.switchboard.core.message..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.switchboard.core.transport..", "org.switchboard.core.transaction..",
                        "org.switchboard.core.proxy..", "io.netty..")
                .check(CORE);
    }

    @Test
    void transportApiAndTransactionsDoNotUseNetty() {
        noClasses().that().resideInAnyPackage("org.switchboard.core.transaction..")
                .or().resideInAPackage("org.switchboard.core.transport")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "org.switchboard.core.transport.netty..")
                .check(CORE);
    }

    @Test
    void nothingBelowTheProxyKnowsTheProxy() {
        noClasses().that().resideInAnyPackage("org.switchboard.core.message..", "org.switchboard.core.transport..",
                        "org.switchboard.core.transaction..")
                .should().dependOnClassesThat().resideInAPackage("org.switchboard.core.proxy..")
                .check(CORE);
    }

    @Test
    void proxyUsesTransportsOnlyThroughTheirApi() {
        noClasses().that().resideInAPackage("org.switchboard.core.proxy..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "org.switchboard.core.transport.netty..")
                .check(CORE);
    }
}
