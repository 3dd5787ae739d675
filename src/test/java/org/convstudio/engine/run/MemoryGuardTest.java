package org.convstudio.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.convstudio.model.analysis.Analysis;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.preset.Presets;
import org.junit.jupiter.api.Test;

/** The memory estimate from the model's counts, and refusals with the numbers and the batch that fits. */
class MemoryGuardTest {

    private static final long GB = 1L << 30;

    @Test
    void vgg16EstimateAddsUpFromPublishedCounts() {
        Analysis a = NetworkAnalyzer.analyze(Presets.get("vgg16"));
        MemoryEstimate e = MemoryEstimate.of(a.totals(), 256, 2, 3 * 224 * 224, 1000);
        assertEquals(138_357_544L * 4, e.weights(), "VGG-16's 138,357,544 parameters, 4 bytes each");
        assertEquals(e.weights(), e.gradients());
        assertEquals(2 * e.weights(), e.optimizerState(), "Adam: two moments");
        assertEquals(e.weights() + e.optimizerState(), e.safetyCopy());
        assertEquals(a.totals().activationsPerSample() * 4 * 2, e.activationsPerSample());
        assertEquals(1000L * 3 * 224 * 224 * 4, e.data());
        assertTrue(e.nativePeak() > 20 * GB, "a batch of 256 at 224×224 needs tens of GB: " + MemoryEstimate.human(e.nativePeak()));
    }

    @Test
    void aRunThatCannotFitIsRefusedWithTheNumbersAndTheLargestBatch() {
        Analysis a = NetworkAnalyzer.analyze(Presets.get("vgg16"));
        MemoryGuard.Budget budget = new MemoryGuard.Budget(4 * GB, GB / 2, 8 * GB, -1);
        Optional<String> r = MemoryGuard.refusal(a, 256, 2, 1000, true, budget);
        assertTrue(r.isPresent());
        String m = r.get();
        assertTrue(m.contains("This run needs about") && m.contains("only 8.0 GB available"), m);
        assertTrue(m.contains("weights 528 MB") && m.contains("safety copy") && m.contains("batch of 256"), m);
        long batch = Long.parseLong(m.replaceAll(".*use a batch of at most (\\d+).*", "$1"));
        assertTrue(batch >= 1 && batch < 256, m);
        long imageValues = 3 * 224 * 224;
        assertTrue(MemoryEstimate.of(a.totals(), (int) batch, 2, imageValues, 1000).nativePeak() <= 8 * GB, "the advice fits");
        assertTrue(MemoryEstimate.of(a.totals(), (int) batch * 2, 2, imageValues, 1000).nativePeak() > 8 * GB,
                "and is the largest power of two that does");
        assertTrue(MemoryGuard.refusal(a, (int) batch, 2, 1000, true, budget).isEmpty());
    }

    @Test
    void aNetworkWhoseWeightsAloneDoNotFitSaysSo() {
        Analysis a = NetworkAnalyzer.analyze(Presets.get("vgg16"));
        String m = MemoryGuard.refusal(a, 1, 2, 10, true, new MemoryGuard.Budget(4 * GB, 0, GB, -1)).orElseThrow();
        assertTrue(m.contains("Even a batch of 1 does not fit") && m.contains("smaller network"), m);
    }

    @Test
    void smallRunsFitAndTheDeviceBudgetWinsWhenKnown() {
        Analysis lenet = NetworkAnalyzer.analyze(Presets.get("lenet"));
        assertTrue(MemoryGuard.refusal(lenet, 64, 2, 60_000, true, new MemoryGuard.Budget(GB, GB / 4, 2 * GB, -1)).isEmpty());
        Analysis vgg = NetworkAnalyzer.analyze(Presets.get("vgg16"));
        String m = MemoryGuard.refusal(vgg, 32, 2, 10, true, new MemoryGuard.Budget(GB, 0, 512 * GB, 4 * GB)).orElseThrow();
        assertTrue(m.contains("the device has only 4.0 GB"), m);
    }

    @Test
    void dataThatDoesNotFitTheHeapIsRefused() {
        Analysis lenet = NetworkAnalyzer.analyze(Presets.get("lenet"));
        String m = MemoryGuard.refusal(lenet, 64, 2, 10_000_000, false, new MemoryGuard.Budget(GB, GB / 4, 64 * GB, -1))
                .orElseThrow();
        assertTrue(m.contains("Java memory") && m.contains("-Xmx"), m);
    }

    @Test
    void optimizerSlots() {
        assertEquals(2, MemoryEstimate.optimizerSlots("ADAM", 0));
        assertEquals(1, MemoryEstimate.optimizerSlots("RMSPROP", 0));
        assertEquals(1, MemoryEstimate.optimizerSlots("SGD", 0.9));
        assertEquals(0, MemoryEstimate.optimizerSlots("SGD", 0));
    }
}
