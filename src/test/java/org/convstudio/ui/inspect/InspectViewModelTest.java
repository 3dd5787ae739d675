package org.convstudio.ui.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.convstudio.model.analysis.ReceptiveField;
import org.convstudio.model.preset.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view-model without a toolkit: results arrive through the publisher it was given, never computed on the caller. */
class InspectViewModelTest {

    @Test
    void openPickUnitDrawAndExplainOnTheWorkerWithResultsThroughThePublisher() throws Exception {
        ExecutorService background = Executors.newSingleThreadExecutor();
        List<String> publishedOn = new ArrayList<>();
        InspectViewModel vm = new InspectViewModel(background, Runnable::run);
        for (var p : List.of(vm.sampleProperty(), vm.fieldProperty(), vm.drawingProperty(), vm.attributionProperty(),
                vm.errorsProperty(), vm.loadedProperty())) {
            p.addListener((o, a, b) -> publishedOn.add(Thread.currentThread().getName()));
        }
        try {
            vm.open(InspectSource.design("LeNet", Presets.get("lenet"))).get();
            var sample = vm.selectSample(4).get();
            assertNotNull(vm.loaded());
            assertEquals(List.of("conv1", "conv2"), vm.loaded().convs());
            assertEquals(4, sample.index());
            assertEquals(10, sample.probabilities().length);
            assertEquals(sample, vm.sampleProperty().get());

            var field = vm.selectUnit("conv2", 1, 9, 0, 1).get();
            assertEquals(new ReceptiveField.Region(16, -2, 29, 11), field.rect().region());
            assertEquals(784, field.erf().length);

            float[] ink = new float[100 * 100];
            var blank = vm.draw(ink, 100, 100).get();
            for (int y = 20; y < 80; y++) {
                for (int x = 45; x < 55; x++) {
                    ink[y * 100 + x] = 1f;
                }
            }
            var stroke = vm.draw(ink, 100, 100).get();
            assertFalse(java.util.Arrays.equals(blank.probabilities(), stroke.probabilities()), "the stroke moves the prediction");
            assertEquals(stroke, vm.drawingProperty().get());

            var at = vm.computeAttribution(3, "conv1").get();
            assertEquals(3, at.cls());
            assertEquals("conv1", at.gradCamLayer());
            assertEquals(784, at.gradCamUp().length);
            var errors = vm.computeErrors().get();
            assertEquals(vm.loaded().samples(), errors.labels().length);
            assertEquals(errors.labels().length, errors.matrix().total());
            assertTrue(publishedOn.size() >= 7 && publishedOn.stream().noneMatch(n -> n.equals(Thread.currentThread().getName())),
                    "every result computed and published off the calling thread: " + publishedOn);
            assertArrayEquals(new int[] {1, 28, 28}, vm.loaded().chw());
        } finally {
            vm.close();
            background.shutdown();
        }
    }

    @TempDir
    java.nio.file.Path dir;

    @Test
    void aSavedRunsErrorsComeFromItsSavedPredictionsOfTheChosenEpoch() throws Exception {
        var data = org.convstudio.engine.run.RunData.load(org.convstudio.engine.data.DatasetSpec.mnistSample(), null,
                new org.convstudio.engine.run.RunData.Limit(128, 64));
        var config = org.convstudio.engine.train.TrainingConfig.builder()
                .setOptimizer(org.convstudio.engine.train.OptimizerKind.ADAM, 1e-3).setBatchSize(32).setEpochs(2)
                .optSeed(3).optIntraOpThreads(1).build();
        java.nio.file.Path run = dir.resolve("run");
        try (var job = org.convstudio.engine.run.TrainingJob.builder().setDesign(Presets.get("lenet")).setData(data)
                .setConfig(config).optRunFolder(run).build()) {
            assertEquals(org.convstudio.engine.train.RunState.FINISHED, job.start().get());
        }
        var epoch1 = org.convstudio.engine.run.RunReader.predictions(run, 1).orElseThrow();
        // epoch 2's file says every image is the class after its label: only the file can make the pane say so
        int[] labels = data.test().labels();
        int[] planted = new int[labels.length];
        float[] probs = new float[labels.length * 10];
        for (int i = 0; i < labels.length; i++) {
            planted[i] = (labels[i] + 1) % 10;
            probs[i * 10 + planted[i]] = 0.9f;
            probs[i * 10 + labels[i]] = 0.1f;
        }
        var fake = org.convstudio.engine.train.EpochPredictions.of(2, data.test().classNames(), labels, planted, probs, 10);
        try (var out = java.nio.file.Files.newOutputStream(run.resolve(
                org.convstudio.engine.train.PredictionsFile.epochFile(2)))) {
            org.convstudio.engine.train.PredictionsFile.write(fake, out);
        }

        ExecutorService background = Executors.newSingleThreadExecutor();
        InspectViewModel vm = new InspectViewModel(background, Runnable::run);
        try {
            vm.open(InspectSource.run("Run", run)).get();
            org.testfx.util.WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
                    () -> vm.errorsProperty().get() != null);
            assertEquals(List.of(1, 2), vm.errorEpochsProperty().get());
            var newest = vm.errorsProperty().get();
            assertEquals(2, newest.epoch(), "the newest saved epoch first");
            assertArrayEquals(planted, newest.predicted(), "read from the run folder, not recomputed from the weights");
            assertEquals(0.0, newest.matrix().accuracy());
            assertEquals(0.9f, newest.confidence()[0], 1e-6f);
            assertArrayEquals(new int[] {planted[0], labels[0], newest.top3()[0][2]}, newest.top3()[0]);
            assertTrue(newest.imagesKnown(), "the run was validated on the first 64 images of the sample shown here");
            assertTrue(newest.source().contains("epoch 2"), newest.source());

            var first = vm.showErrors(1).get();
            assertEquals(1, first.epoch());
            assertArrayEquals(epoch1.predicted(), first.predicted());
            assertEquals(first, vm.errorsProperty().get());
            assertEquals(epoch1.accuracy(), first.matrix().accuracy(), 1e-12);
        } finally {
            vm.close();
            background.shutdown();
        }
    }

    @Test
    void anImageFileIsConvertedShownAndExplainedLikeAValidationSample() throws Exception {
        // a validation digit written as a 56×56 RGB PNG: read back grey and 28×28, it is nearly the same image
        var d = org.convstudio.engine.data.DatasetLoader.load("mnist-sample").test();
        float[] digit = d.image(7);
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(56, 56, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 56; y++) {
            for (int x = 0; x < 56; x++) {
                int v = Math.round(255 * digit[(y / 2) * 28 + x / 2]);
                img.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        java.nio.file.Path file = dir.resolve("digit.png");
        javax.imageio.ImageIO.write(img, "png", file.toFile());

        ExecutorService background = Executors.newSingleThreadExecutor();
        InspectViewModel vm = new InspectViewModel(background, Runnable::run);
        try {
            vm.open(InspectSource.design("LeNet", Presets.get("lenet"))).get();
            var validation = vm.selectSample(7).get();
            var s = vm.selectImageFile(file).get();
            assertEquals(InspectSnapshots.Sample.FILE, s.index());
            assertEquals(s, vm.sampleProperty().get());
            assertEquals(784, s.raw().length);
            double diff = 0;
            for (int i = 0; i < 784; i++) {
                diff = Math.max(diff, Math.abs(s.raw()[i] - digit[i]));
            }
            assertTrue(diff < 0.02, "the file's pixels, resized back to 28×28: " + diff);
            assertArrayEquals(validation.probabilities(), s.probabilities(), 0.02f, "the network sees the same digit");
            assertArrayEquals(s.raw(), vm.rawImage(InspectSnapshots.Sample.FILE));
            // the other panes explain the file's image
            var field = vm.selectUnit("conv1", 0, 10, 10, 16).get();
            assertEquals(InspectSnapshots.Sample.FILE, field.sampleIndex());
            var at = vm.computeAttribution(-1, "conv2").get();
            assertEquals(InspectSnapshots.Sample.FILE, at.sampleIndex());
            assertEquals(s.predicted(), at.cls());

            java.nio.file.Path text = dir.resolve("notes.png");
            java.nio.file.Files.writeString(text, "not an image");
            assertEquals(null, vm.selectImageFile(text).get());
            assertTrue(vm.statusProperty().get().contains("notes.png") && vm.statusProperty().get().contains("not a readable image"),
                    vm.statusProperty().get());
            assertEquals(s, vm.sampleProperty().get(), "the shown sample stays");
        } finally {
            vm.close();
            background.shutdown();
        }
    }
}
