package io.shequ.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules the modules and packages keep, checked on the compiled main classes of every module:
 * dependencies point one way (orchestration → jobs, warehouse and simulator → schemas), {@code schemas}
 * holds plain types free of Spark and Spring, the simulator knows only {@code schemas} (it writes
 * sources as their owners would, not as the pipeline reads them), and the packages inside each
 * module form no cycle.
 */
class ArchitectureTest {

    private static JavaClasses shequ;

    @BeforeAll
    static void importMainClasses() {
        // main classes only, whether a module comes as its classes folder or its jar; not the
        // warehouse's test jar, nor the runnable jar that bundles everything
        shequ = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/shequ.jar"))
                .importPackages("io.shequ");
    }

    @Test
    void schemasIsFreeOfSparkSpringAndTheOtherModules() {
        noClasses()
                .that()
                .resideInAPackage("io.shequ.schemas..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.apache.spark..",
                        "org.springframework..",
                        "io.shequ.jobs..",
                        "io.shequ.warehouse..",
                        "io.shequ.orchestration..",
                        "io.shequ.simulator..")
                .because("schemas holds the plain types every module shares")
                .check(shequ);
    }

    @Test
    void jobsAndWarehouseDoNotKnowEachOtherNorOrchestration() {
        noClasses()
                .that()
                .resideInAPackage("io.shequ.jobs..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.shequ.warehouse..", "io.shequ.orchestration..", "io.shequ.simulator..")
                .because("the pipeline reaches the warehouse through WarehousePort, wired by orchestration")
                .check(shequ);
        noClasses()
                .that()
                .resideInAPackage("io.shequ.warehouse..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.shequ.jobs..", "io.shequ.orchestration..", "io.shequ.simulator..", "org.apache.spark..")
                .because("the warehouse is built from the lake's files, not from the jobs that wrote them")
                .check(shequ);
    }

    @Test
    void theSimulatorKnowsOnlySchemas() {
        noClasses()
                .that()
                .resideInAPackage("io.shequ.simulator..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.shequ.jobs..",
                        "io.shequ.warehouse..",
                        "io.shequ.orchestration..",
                        "org.apache.spark..",
                        "org.springframework..")
                .because("the simulator writes sources as their owners would; the jobs test themselves on it")
                .check(shequ);
    }

    @Test
    void theModulesFormNoCycle() {
        slices().matching("io.shequ.(*)..").should().beFreeOfCycles().check(shequ);
    }

    @Test
    void thePackagesOfEachModuleFormNoCycle() {
        slices().matching("io.shequ.(*).(**)").should().beFreeOfCycles().check(shequ);
    }
}
