package org.convstudio.engine.train;

import org.convstudio.engine.data.ImageSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every optimiser learns the easy squares set. */
class OptimizersTest {

    @ParameterizedTest
    @CsvSource({
        "SGD, 0.05, 0, false",
        "SGD, 0.02, 0.9, false",
        "SGD, 0.02, 0.9, true",
        "ADAM, 0.002, 0, false",
        "ADAMW, 0.002, 0, false",
        "RMSPROP, 0.001, 0, false"})
    void learns(OptimizerKind kind, double lr, double momentum, boolean nesterov) throws Exception {
        ImageSet train = TestData.squares(200, 21);
        TrainingConfig config = TrainingConfig.builder().setOptimizer(kind, lr).optMomentum(momentum, nesterov)
                .optWeightDecay(1e-4).setBatchSize(20).setEpochs(6).optSeed(3).build();
        try (TrainingSession s = Sessions.lenet(config).build()) {
            assertEquals(RunState.FINISHED, s.start(train, train).get());
            List<EpochRecord> h = s.history();
            assertTrue(h.get(5).trainLoss() < 0.5 * h.get(0).trainLoss(), kind + " " + h);
            assertTrue(h.get(5).validationAccuracy() > 0.6, kind + " " + h);
        }
    }
}
