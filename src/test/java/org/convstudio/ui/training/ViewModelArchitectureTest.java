package org.convstudio.ui.training;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The Train view-model and its parts never touch the scene graph or the toolkit: they get a TaskExecutor. */
class ViewModelArchitectureTest {

    @Test
    void trainViewModelsNeedNoToolkit() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.convstudio.ui.training");
        noClasses().that().haveSimpleNameEndingWith("ViewModel").or().haveSimpleNameEndingWith("Model")
                .or().haveSimpleName("RunController").or().haveSimpleName("TrainBlocker")
                .or().haveSimpleName("FormSettings").or().haveSimpleName("EngineRun")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.application..",
                        "javafx.stage..", "javafx.concurrent..")
                .check(classes);
    }
}
