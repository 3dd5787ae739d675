package org.convstudio.engine.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark runs and reports a sane result (no timing assertions: this is not a timed test). */
class TrainThroughputBenchmarkTest {

    @Test
    void runsAFewIterations() {
        var r = TrainThroughputBenchmark.run(new TrainThroughputBenchmark.Options("lenet", 32, 5, 2, 1));
        assertTrue(r.imagesPerSecond() > 0);
        assertTrue(Float.isFinite(r.finalLoss()));
        assertTrue(r.toString().contains("images/s: "));
        assertEquals(5 * 32 / r.seconds(), r.imagesPerSecond(), 1e-6);
    }

    @Test
    void unknownPresetIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> BenchNetworks.preset("resnet999"));
    }
}
