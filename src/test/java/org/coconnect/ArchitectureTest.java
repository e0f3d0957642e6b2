package org.coconnect;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dependencies point inward to the domain; generated types stay in the ws layer and never become entities. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.coconnect");
    }

    @Test
    void theDomainKnowsNoFrameworks() {
        classes().that().resideInAPackage("org.coconnect.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.coconnect.domain..", "org.coconnect.error..", "java..")
                .check(classes);
    }

    @Test
    void errorCodesDependOnNothingOfOurs() {
        classes().that().resideInAPackage("org.coconnect.error..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.coconnect.error..", "java..")
                .check(classes);
    }

    @Test
    void generatedTypesAreUsedOnlyByTheWsAndClientLayers() {
        noClasses().that().resideOutsideOfPackages("org.coconnect.ws..", "org.coconnect.client..")
                .should().dependOnClassesThat().resideInAPackage("org.coconnect.ws.generated..")
                .check(classes);
    }

    @Test
    void generatedTypesAreNeverEntities() {
        noClasses().that().resideInAPackage("org.coconnect.ws.generated..")
                .should().beAnnotatedWith(jakarta.persistence.Entity.class)
                .check(classes);
    }

    @Test
    void useCasesDoNotKnowSoapOrXml() {
        noClasses().that().resideInAnyPackage("org.coconnect.exchange..", "org.coconnect.persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.cxf..", "jakarta.xml..", "org.coconnect.ws..",
                        "org.coconnect.client..")
                .check(classes);
    }

    @Test
    void persistenceIsReachedOnlyFromUseCasesAndWiring() {
        noClasses().that().resideInAnyPackage("org.coconnect.ws..", "org.coconnect.client..", "org.coconnect.domain..")
                .should().dependOnClassesThat().resideInAPackage("org.coconnect.persistence..")
                .check(classes);
    }

    @Test
    void configurationKnowsNothingOfStorageOrTheWire() {
        noClasses().that().resideInAPackage("org.coconnect.config..")
                .should().dependOnClassesThat().resideInAnyPackage("org.coconnect.persistence..", "org.coconnect.exchange..",
                        "org.coconnect.ws..", "org.coconnect.client..", "jakarta.persistence..", "org.hibernate..")
                .as("config reads conf/ into plain values; storage and transport depend on it, never the reverse")
                .check(classes);
    }

    @Test
    void noProductionClassIsPartOfTheBenchmark() {
        noClasses().should().resideInAPackage("org.coconnect.bench..")
                .as("the benchmark harness is built from src/bench/java, outside the production jar")
                .check(classes);
    }

    @Test
    void onlyMonitoringKnowsTheMetricsLibrary() {
        noClasses().that().resideOutsideOfPackage("org.coconnect.monitoring..")
                .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
                .check(classes);
    }

    @Test
    void queriesAreWrittenOnlyInPersistence() {
        noClasses().that().resideOutsideOfPackages("org.coconnect.persistence..", "org.coconnect")
                .should().callMethodWhere(target(owner(assignableTo(EntityManager.class)))
                        .and(target(nameMatching("createQuery|createNativeQuery"))))
                .as("no JPQL or SQL query is written outside persistence (and the composition root)")
                .check(classes);
    }

    @Test
    void entitiesLiveOnlyInPersistence() {
        classes().that().areAnnotatedWith(jakarta.persistence.Entity.class)
                .should().resideInAPackage("org.coconnect.persistence..")
                .check(classes);
    }
}
