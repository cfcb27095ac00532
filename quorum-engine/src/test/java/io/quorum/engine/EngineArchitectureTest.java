package io.quorum.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/**
 * The engine is the domain: it may use the JDK, ta4j and JCTools' queues (the engine loop's inbound
 * queue), and nothing that ties it to a framework or a technology.
 */
class EngineArchitectureTest {
    private final JavaClasses engine = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.quorum.engine");

    @Test
    void engine_depends_only_on_the_jdk_ta4j_and_jctools_queues() {
        noClasses().that().resideInAPackage("io.quorum.engine..")
                .should().dependOnClassesThat().resideOutsideOfPackages(
                        "io.quorum.engine..", "java..", "javax.annotation..", "org.ta4j..", "org.jctools.queues..", "com.fasterxml.jackson.annotation..")
                .because("adapters depend on the engine, never the reverse")
                .check(engine);
    }

    @Test
    void engine_never_reaches_into_adapters_or_the_server() {
        noClasses().that().resideInAPackage("io.quorum.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quorum.adapters..", "io.quorum.server..")
                .check(engine);
    }

    @Test
    void the_engines_packages_depend_on_each_other_without_cycles() {
        SlicesRuleDefinition.slices().matching("io.quorum.engine.(**)").should().beFreeOfCycles().check(engine);
    }

    @Test
    void ports_are_interfaces() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().resideInAPackage("io.quorum.engine.port").and().areTopLevelClasses()
                .should().beInterfaces()
                .check(engine);
    }
}
