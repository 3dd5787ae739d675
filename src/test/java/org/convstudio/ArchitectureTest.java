package org.convstudio;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layers of the architecture, enforced: ui → engine/analysis → model, never the other way. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.convstudio");
    }

    @Test
    void modelIsPureJava() {
        noClasses().that().resideInAPackage("org.convstudio.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "ai.djl..", "org.convstudio.engine..",
                        "org.convstudio.analysis..", "org.convstudio.ui..", "org.convstudio.cli..")
                .check(classes);
    }

    @Test
    void engineAndAnalysisHaveNoJavaFx() {
        noClasses().that().resideInAnyPackage("org.convstudio.engine..", "org.convstudio.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.convstudio.ui..", "org.convstudio.cli..")
                .check(classes);
    }

    @Test
    void onlyUiUsesTheSceneGraph() {
        noClasses().that().resideOutsideOfPackage("org.convstudio.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .check(classes);
    }

    @Test
    void cliNeverOpensWindows() {
        noClasses().that().resideInAPackage("org.convstudio.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.convstudio.ui..")
                .check(classes);
    }

    @Test
    void onlyTheGraphLayoutUsesElk() {
        noClasses().that().resideOutsideOfPackage("org.convstudio.model.graph..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.elk..")
                .check(classes);
    }
}
