package org.convstudio.ui.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convstudio.analysis.embed.Embedder;
import org.convstudio.analysis.embed.EmbeddingListener;
import org.convstudio.analysis.embed.TsneOptions;
import org.convstudio.analysis.embed.WorkerPool;
import org.convstudio.engine.data.ImageSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Embed view-model without the toolkit: the test thread plays the UI thread. */
class EmbedViewModelTest {

    private final WorkerQueueExecutor executor = new WorkerQueueExecutor();
    private final EmbedViewModel vm = new EmbedViewModel(executor);

    @TempDir
    Path dir;

    @Test
    void pcaOfThePixelsMatchesTheEmbedderAndCarriesTheScores() throws Exception {
        vm.compute(EmbedRequest.pixels(Embedder.Method.PCA, 30, 300));
        assertTrue(vm.busyProperty().get());
        executor.runUntil(() -> vm.snapshotProperty().get() != null && vm.snapshotProperty().get().done(), 60);
        EmbedSnapshot s = vm.snapshotProperty().get();
        assertFalse(vm.busyProperty().get());
        assertEquals(300, s.points());
        assertNull(s.predictions(), "pixels have no predictions");
        ImageSet images = EmbedInputs.images(300);
        Embedder.Result direct = new Embedder(WorkerPool.shared()).embed(images.pixels(), 300, images.imageLength(),
                images.labels(), Embedder.Method.PCA, TsneOptions.defaults(), null, EmbeddingListener.NONE, () -> false);
        assertArrayEquals(direct.layout(), s.layout(), 1e-4f);
        assertEquals(direct.quality().neighborhoodHit(), s.quality().neighborhoodHit(), 1e-9);
        assertEquals(6, s.quality().k());
        assertTrue(vm.statusProperty().get().contains("PCA"), vm.statusProperty().get());
    }

    @Test
    void tsneShowsIntermediateLayoutsBeforeTheResult() throws Exception {
        List<EmbedSnapshot> shown = new ArrayList<>();
        vm.snapshotProperty().addListener((o, a, b) -> shown.add(b));
        vm.compute(EmbedRequest.pixels(Embedder.Method.TSNE, 20, 300));
        executor.runUntil(() -> vm.snapshotProperty().get() != null && vm.snapshotProperty().get().done(), 120);
        assertTrue(shown.size() >= 2, "at least one intermediate layout, then the result: " + shown.size());
        assertFalse(shown.get(0).done(), "the first layout shown is an intermediate one");
        assertTrue(shown.get(0).iteration() < shown.get(shown.size() - 1).iteration());
        assertTrue(vm.snapshotProperty().get().quality().neighborhoodHit() > 0.6,
                "t-SNE of digits keeps most neighbours in their class");
    }

    @Test
    void aNewRequestCancelsTheRunningOne() throws Exception {
        List<EmbedSnapshot> shown = new ArrayList<>();
        vm.snapshotProperty().addListener((o, a, b) -> shown.add(b));
        vm.compute(EmbedRequest.pixels(Embedder.Method.TSNE, 30, 2000));
        // wait until the t-SNE request is really optimising (its first layout is shown), then replace it
        executor.runUntil(() -> !shown.isEmpty(), 120);
        vm.compute(EmbedRequest.pixels(Embedder.Method.PCA, 30, 300));
        executor.runUntil(() -> vm.snapshotProperty().get().done() && executor.results().size() == 2, 120);
        assertEquals(Embedder.Method.PCA, vm.snapshotProperty().get().request().method());
        assertEquals("null", executor.results().get(0) instanceof EmbedSnapshot s && s.request().method()
                == Embedder.Method.PCA ? executor.results().get(1) : executor.results().get(0),
                "the t-SNE request stopped early and returned no result");
        int lastPca = shown.size() - 1;
        assertEquals(Embedder.Method.PCA, shown.get(lastPca).request().method());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void exportsWriteTheCliFiles() throws Exception {
        vm.compute(EmbedRequest.pixels(Embedder.Method.PCA, 30, 200));
        executor.runUntil(() -> vm.snapshotProperty().get() != null && vm.snapshotProperty().get().done(), 60);
        boolean[] done = new boolean[2];
        vm.exportCsv(dir.resolve("e.csv"), () -> done[0] = true);
        vm.exportPng(dir.resolve("e.png"), () -> done[1] = true);
        executor.runUntil(() -> done[0] && done[1], 60);
        List<String> lines = Files.readAllLines(dir.resolve("e.csv"));
        assertEquals("index,x,y,label", lines.get(0));
        assertEquals(201, lines.size());
        assertTrue(Files.size(dir.resolve("e.png")) > 1000);
    }

    @Test
    void theViewModelAndWhatItHandsOutNeedNoToolkit() {
        var classes = new com.tngtech.archunit.core.importer.ClassFileImporter()
                .withImportOption(com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.convstudio.ui.embed");
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().that()
                .haveSimpleName("EmbedViewModel").or().haveSimpleName("EmbedRequest")
                .or().haveSimpleName("EmbedSnapshot").or().haveSimpleName("EmbedInputs")
                .or().haveSimpleName("EmbedComputation").or().haveSimpleName("Selection")
                .or().haveSimpleName("LiveFollower")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.application..",
                        "javafx.stage..", "javafx.concurrent..")
                .check(classes);
    }

    @Test
    void aBadRunFolderGivesASentenceNotAStackTrace() throws Exception {
        vm.compute(new EmbedRequest(dir.resolve("nothing"), null, Embedder.Method.PCA, 30, 100, 1));
        executor.runUntil(() -> !vm.busyProperty().get(), 60);
        String status = vm.statusProperty().get();
        assertTrue(status.startsWith("Cannot embed"), status);
        assertFalse(status.contains("Exception"), status);
        assertNotNull(status);
    }
}
