package org.convstudio.engine.train;

import ai.djl.ndarray.types.Shape;
import org.convstudio.engine.bench.BenchNetworks;
import org.convstudio.engine.data.ImageSet;
import org.convstudio.engine.device.TorchThreads;
import org.convstudio.engine.run.RunReader;
import org.convstudio.engine.explain.RunSetupException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run folder keeps the last epoch's validation predictions ({@value PredictionsFile#FILE}) with each checkpoint. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RunFolderPredictionsTest {

    @Test
    void theRunFolderHoldsTheSessionsLastPredictionsAndAFolderWithoutThemStillContinues(@TempDir Path dir)
            throws Exception {
        ImageSet train = TestData.squares(160, 41);
        ImageSet val = TestData.squares(50, 42);
        TrainingConfig config = TrainingConfig.builder().setOptimizer(OptimizerKind.ADAM, 2e-3).optSeed(5)
                .setBatchSize(32).setEpochs(2).build();
        EpochPredictions last;
        try (TrainingSession s = Sessions.lenet(config).optRunFolder(dir, "{}").build()) {
            assertEquals(RunState.FINISHED, s.start(train, val).get());
            last = s.lastEpochPredictions();
            assertNotNull(last);
            assertArrayEquals(s.lastValidationPredictions(), last.predicted());
            float[] logits = s.logits(val.pixels(), val.size()).get();
            assertTopThreeAreTheLargestSoftmaxProbabilities(last, logits);
        }
        EpochPredictions saved = RunReader.predictions(dir).orElseThrow();
        assertEquals(2, saved.epoch());
        assertEquals(10, saved.classes());
        assertEquals(EpochPredictions.TOP, saved.top());
        assertEquals(val.classNames(), saved.classNames());
        assertArrayEquals(val.labels(), saved.labels());
        assertArrayEquals(last.predicted(), saved.predicted());
        assertArrayEquals(last.topClasses(), saved.topClasses());
        assertArrayEquals(last.topProbabilities(), saved.topProbabilities(), 0f);
        // the file's accuracy is the one recorded in the history
        double recorded = new RunFolder(dir).readHistory().get(1).validationAccuracy();
        assertEquals(recorded, saved.accuracy(), 1e-12);
        // each epoch keeps its own copy: epoch 1's accuracy is epoch 1's in the history
        assertEquals(List.of(1, 2), RunReader.predictionEpochs(dir));
        EpochPredictions first = RunReader.predictions(dir, 1).orElseThrow();
        assertEquals(1, first.epoch());
        assertEquals(new RunFolder(dir).readHistory().get(0).validationAccuracy(), first.accuracy(), 1e-12);
        assertArrayEquals(saved.predicted(), RunReader.predictions(dir, 2).orElseThrow().predicted());
        assertTrue(RunReader.predictions(dir, 7).isEmpty(), "no epoch 7");

        // a folder from before predictions.json: still passes the checks and continues, and gets the file again
        Files.delete(dir.resolve(PredictionsFile.FILE));
        assertTrue(RunReader.predictions(dir).isEmpty());
        new RunFolder(dir).checkIntegrity(config);
        try (TrainingSession s = TrainingSession.fromRunFolder(dir, BenchNetworks::lenet, new Shape(1, 28, 28), 10)
                .optThreads(TorchThreads.forHeadless()).build()) {
            assertEquals(RunState.FINISHED, s.continueTraining(1, train, val).get());
            EpochPredictions again = RunReader.predictions(dir).orElseThrow();
            assertEquals(3, again.epoch());
            assertArrayEquals(s.lastValidationPredictions(), again.predicted());
            assertEquals(List.of(1, 2, 3), RunReader.predictionEpochs(dir));
        }
    }

    @Test
    void aDamagedFileIsExplainedNotThrownAsAStackTrace(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(PredictionsFile.FILE), "{\"formatVersion\":1,\"classes\":2,\"top\":1,"
                + "\"labels\":[0,1],\"predicted\":[0],\"topClasses\":[0,1],\"topProbabilities\":[1,1]}");
        RunSetupException e = assertThrows(RunSetupException.class, () -> RunReader.predictions(dir));
        assertTrue(e.getMessage().contains(PredictionsFile.FILE) && e.getMessage().contains("damaged"), e.getMessage());
        Files.writeString(dir.resolve(PredictionsFile.FILE), "{\"formatVersion\":1,\"classes\":2,\"top\":1,"
                + "\"labels\":[0,3],\"predicted\":[0,1],\"topClasses\":[0,1],\"topProbabilities\":[1,1]}");
        e = assertThrows(RunSetupException.class, () -> RunReader.predictions(dir));
        assertTrue(e.getMessage().contains("outside"), e.getMessage());
    }

    @Test
    void topClassesAreOrderedByProbability() {
        float[] probs = {0.1f, 0.5f, 0.05f, 0.35f, /* image 2 */ 0.25f, 0.25f, 0.4f, 0.1f};
        EpochPredictions p = EpochPredictions.of(1, List.of(), new int[] {1, 2}, new int[] {1, 2}, probs, 4);
        assertArrayEquals(new int[] {1, 3, 0, 2, 0, 1}, p.topClasses());
        assertArrayEquals(new float[] {0.5f, 0.35f, 0.1f, 0.4f, 0.25f, 0.25f}, p.topProbabilities(), 0f);
        assertEquals(1.0, p.accuracy());
        EpochPredictions two = EpochPredictions.of(1, List.of(), new int[] {0}, new int[] {1}, new float[] {0.2f, 0.8f}, 2);
        assertEquals(2, two.top());
        assertFalse(two.accuracy() > 0);
    }

    private static void assertTopThreeAreTheLargestSoftmaxProbabilities(EpochPredictions p, float[] logits) {
        int c = p.classes();
        for (int i = 0; i < p.size(); i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) {
                max = Math.max(max, logits[i * c + j]);
            }
            double sum = 0;
            for (int j = 0; j < c; j++) {
                sum += Math.exp(logits[i * c + j] - max);
            }
            float previous = Float.POSITIVE_INFINITY;
            for (int r = 0; r < p.top(); r++) {
                int k = p.topClasses()[i * p.top() + r];
                float prob = p.topProbabilities()[i * p.top() + r];
                assertEquals(Math.exp(logits[i * c + k] - max) / sum, prob, 1e-4, "image " + i + " rank " + r);
                assertTrue(prob <= previous, "image " + i + " ranks out of order");
                previous = prob;
                for (int j = 0; j < c; j++) {
                    boolean ranked = false;
                    for (int q = 0; q <= r; q++) {
                        ranked |= p.topClasses()[i * p.top() + q] == j;
                    }
                    if (!ranked) {
                        assertTrue(logits[i * c + j] <= logits[i * c + k] + 1e-5f, "image " + i + " class " + j);
                    }
                }
            }
        }
    }
}
