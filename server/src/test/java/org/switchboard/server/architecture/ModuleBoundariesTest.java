package org.switchboard.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The module rules of the architecture, checked over the production classes of every module on the
 * server's class path (the server is the one module that sees them all): no cycles between modules
 * or between the top-level packages of a module (proxy-core's SPI is written in the engine's types, so
 * the engine reaches it only through adapters of its own, such as the transports' {@code DatagramTap});
 * proxy-core knows none of the others; feature modules
 * know neither each other nor the store nor the server; the store knows no feature; only the store
 * and the server's wiring touch JDBC, the connection pool and the migrations.
 */
class ModuleBoundariesTest {
    private static final String CORE = "org.switchboard.core..";
    private static final String STORE = "org.switchboard.store..";
    private static final String SERVER = "org.switchboard.server..";
    /** The feature modules, each one top-level package. */
    private static final List<String> FEATURES = List.of("org.switchboard.accounts..", "org.switchboard.registrar..",
            "org.switchboard.pnp..", "org.switchboard.dialplan..", "org.switchboard.webadmin..", "org.switchboard.nat..",
            "org.switchboard.presence..");
    private static final String[] DATABASE_ACCESS = {"java.sql..", "javax.sql..", "com.zaxxer.hikari..",
        "org.flywaydb.."};

    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.switchboard");

    @Test
    void modulesDependOnEachOtherWithoutCycles() {
        slices().matching("org.switchboard.(*)..").should().beFreeOfCycles().check(ALL);
    }

    @Test
    void topLevelPackagesOfEachModuleHaveNoCycles() {
        slices().matching("org.switchboard.(*).(*)..").should().beFreeOfCycles()
                .check(ALL);
    }

    @Test
    void proxyCoreDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(concat(FEATURES, STORE, SERVER))
                .check(ALL);
    }

    @ParameterizedTest
    @MethodSource("features")
    void aFeatureDependsOnNoOtherFeatureNorOnTheStoreNorOnTheServer(String feature) {
        List<String> others = FEATURES.stream().filter(f -> !f.equals(feature)).toList();
        noClasses().that().resideInAPackage(feature)
                .should().dependOnClassesThat().resideInAnyPackage(concat(others, STORE, SERVER))
                .check(ALL);
    }

    @Test
    void theStoreDependsOnNoFeatureNorOnTheServer() {
        noClasses().that().resideInAPackage(STORE)
                .should().dependOnClassesThat().resideInAnyPackage(concat(FEATURES, SERVER))
                .check(ALL);
    }

    @Test
    void onlyTheStoreAndTheServerTouchTheDatabase() {
        noClasses().that().resideOutsideOfPackages(STORE, SERVER)
                .should().dependOnClassesThat().resideInAnyPackage(DATABASE_ACCESS)
                .check(ALL);
    }

    static Stream<String> features() {
        return FEATURES.stream();
    }

    private static String[] concat(List<String> packages, String... more) {
        return Stream.concat(packages.stream(), Stream.of(more)).toArray(String[]::new);
    }
}
