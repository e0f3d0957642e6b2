package org.coconnect;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
    void onlyMonitoringKnowsTheMetricsLibrary() {
        noClasses().that().resideOutsideOfPackage("org.coconnect.monitoring..")
                .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
                .check(classes);
    }
}
