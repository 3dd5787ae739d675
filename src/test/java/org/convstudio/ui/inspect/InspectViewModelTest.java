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
}
