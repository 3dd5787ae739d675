package org.convstudio.engine.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.convstudio.engine.data.ImageSet;
import org.convstudio.model.preset.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The tap a run is built with probes only while someone listens, the image asked for, and says which epoch. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProbeTapTest {

    @Test
    void probesOnlyWhileSomeoneListensTheChosenImageAndTellsTheEpoch() throws Exception {
        int n = 3;
        float[] pixels = ProbeTest.images(n, 784, 9);
        ImageSet validation = new ImageSet("val", 1, 28, 28, pixels, new int[] {0, 1, 2},
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        ProbeTap tap = new ProbeTap(Double.POSITIVE_INFINITY); // every step, so the test needs no clock
        List<ProbeTap.Tapped> seen = new ArrayList<>();
        try (InspectionModel lenet = InspectionModel.open(Presets.get("lenet"), 3)) {
            lenet.call((probe, g) -> {
                long step = 0;
                // nobody listening (and the run's images not known yet): steps pass untouched
                tap.listen(1, seen::add);
                for (int i = 0; i < 3; i++) {
                    step(tap, probe, ++step);
                }
                assertEquals(List.of(), seen, "no images yet: nothing to probe");
                assertFalse(tap.isProbing());

                tap.setImages(validation, 4); // 4 steps per epoch
                assertTrue(tap.isProbing());
                step(tap, probe, ++step); // step 4: epoch 1
                step(tap, probe, ++step); // step 5: epoch 2
                tap.setSample(2);
                step(tap, probe, ++step);
                tap.stopListening();
                assertFalse(tap.isProbing());
                for (int i = 0; i < 5; i++) {
                    step(tap, probe, ++step);
                }
                tap.listen(0, seen::add);
                step(tap, probe, ++step); // step 12: epoch 3
                return null;
            });
            assertEquals(List.of(4L, 5L, 6L, 12L), seen.stream().map(t -> t.snapshot().step()).toList(),
                    "rounds only while listening");
            assertEquals(List.of(1, 2, 2, 3), seen.stream().map(ProbeTap.Tapped::epoch).toList());
            assertEquals(List.of(1, 1, 2, 0), seen.stream().map(ProbeTap.Tapped::sampleIndex).toList());
            assertEquals(4, tap.rounds());

            // each round shows the image asked for: its logits are the model's for that image
            for (ProbeTap.Tapped t : seen) {
                float[] image = validation.image(t.sampleIndex());
                float[] expected = lenet.call((probe, g) -> probe.logits(image, 1));
                assertArrayEquals(expected, t.snapshot().activations().logits().values(), 1e-5f);
                // the copies the round made are kept for kernel images and histograms
                assertEquals(61_706, t.snapshot().weights().stream().mapToInt(w -> w.value().values().length).sum());
            }
        }
    }

    private static void step(ProbeTap tap, Probe probe, long step) {
        tap.beforeUpdate(probe.block(), step);
        tap.afterStep(probe.block(), step);
    }
}
