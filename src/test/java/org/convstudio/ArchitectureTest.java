package org.convstudio;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

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
    void analysisNeedsNeitherDjlNorTheEngine() {
        noClasses().that().resideInAPackage("org.convstudio.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "org.convstudio.engine..")
                .check(classes);
    }

    /** The engine's packages depend on each other in one direction only (no package cycles). */
    @Test
    void enginePackagesHaveNoCycles() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                .matching("org.convstudio.engine.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** The same inside the model, the analysis and the UI. */
    @Test
    void modelAnalysisAndUiPackagesHaveNoCycles() {
        for (String layer : new String[] {"model", "analysis", "ui"}) {
            com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                    .matching("org.convstudio." + layer + ".(*)..").should().beFreeOfCycles().check(classes);
        }
    }

    /** Every package says what lives in it (the source tree, since javac drops empty package-info classes). */
    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        Path root = Path.of("src/main/java");
        List<String> without;
        try (Stream<Path> dirs = Files.walk(root)) {
            without = dirs.filter(Files::isDirectory)
                    .filter(d -> hasJava(d) && !Files.exists(d.resolve("package-info.java")))
                    .map(d -> root.relativize(d).toString().replace('/', '.'))
                    .sorted().toList();
        }
        assertEquals(List.of(), without, "packages without a package-info.java saying what lives there");
    }

    private static boolean hasJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void cliNeverOpensWindows() {
        noClasses().that().resideInAPackage("org.convstudio.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.convstudio.ui..")
                .check(classes);
    }

    @Test
    void onlyEngineTorchTouchesPyTorchInternals() {
        noClasses().that().resideOutsideOfPackage("org.convstudio.engine.torch..")
                .should().dependOnClassesThat().resideInAPackage("ai.djl.pytorch..")
                .because("one package (engine.torch) wraps DJL's PyTorch internals; the rest of the engine stays engine-neutral")
                .check(classes);
    }

    @Test
    void onlyTheGraphLayoutUsesElk() {
        noClasses().that().resideOutsideOfPackage("org.convstudio.model.graph..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.elk..")
                .check(classes);
    }
}
