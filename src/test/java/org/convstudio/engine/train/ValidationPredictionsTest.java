package org.convstudio.engine.train;

import org.convstudio.engine.data.ImageSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-epoch validation predictions delivered with the epoch end (confusion matrix, sample strip). */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ValidationPredictionsTest {

    private record Delivered(int epoch, int[] predicted, double accuracy) {
    }

    @Test
    void everyEpochDeliversOnePredictionPerValidationImageMatchingTheAccuracyAndTheLogits() throws Exception {
        ImageSet train = TestData.squares(200, 4);
        ImageSet val = TestData.squares(70, 5); // 70 = 2 full batches of 32 + a partial one
        TrainingConfig config = TrainingConfig.builder().setOptimizer(OptimizerKind.ADAM, 2e-3).optSeed(3)
                .setBatchSize(32).setEpochs(2).build();
        List<Delivered> delivered = new CopyOnWriteArrayList<>();
        List<String> order = new CopyOnWriteArrayList<>();
        TrainingListener listener = new TrainingAdapter() {
            @Override
            public void onEpochEnd(TrainingSnapshot snapshot, EpochRecord record) {
                order.add("end " + record.epoch());
            }

            @Override
            public void onValidationPredictions(EpochRecord record, int[] predicted) {
                order.add("predictions " + record.epoch());
                delivered.add(new Delivered(record.epoch(), predicted, record.validationAccuracy()));
            }
        };
        try (TrainingSession s = Sessions.lenet(config).optListener(listener).build()) {
            assertNull(s.lastValidationPredictions());
            assertEquals(RunState.FINISHED, s.start(train, val).get());
            // the dispatcher delivers asynchronously: wait for the last event
            for (int i = 0; i < 100 && delivered.size() < 2; i++) {
                Thread.sleep(20);
            }
            assertEquals(List.of("end 1", "predictions 1", "end 2", "predictions 2"), order);
            for (Delivered d : delivered) {
                assertEquals(val.size(), d.predicted().length);
                int correct = 0;
                for (int i = 0; i < val.size(); i++) {
                    assertTrue(d.predicted()[i] >= 0 && d.predicted()[i] < 10, "class " + d.predicted()[i]);
                    if (d.predicted()[i] == val.labels()[i]) {
                        correct++;
                    }
                }
                assertEquals(d.accuracy(), correct / (double) val.size(), 1e-12, "epoch " + d.epoch());
            }
            // the last epoch's predictions are the arg-max of the model's logits, image by image
            int[] last = delivered.get(1).predicted();
            assertArrayEquals(last, s.lastValidationPredictions());
            float[] logits = s.logits(val.pixels(), val.size()).get();
            assertArrayEquals(argmax(logits, 10), last);
            // squares are easy: after two epochs most predictions are right, and not all one class
            assertTrue(delivered.get(1).accuracy() > 0.5, "accuracy " + delivered.get(1).accuracy());
        }
    }

    @Test
    void noValidationSetNoPredictions() throws Exception {
        ImageSet train = TestData.squares(64, 6);
        TrainingConfig config = TrainingConfig.builder().setBatchSize(32).setEpochs(1).build();
        List<int[]> delivered = new ArrayList<>();
        List<EpochRecord> ends = new CopyOnWriteArrayList<>();
        TrainingListener listener = new TrainingAdapter() {
            @Override
            public void onEpochEnd(TrainingSnapshot snapshot, EpochRecord record) {
                ends.add(record);
            }

            @Override
            public void onValidationPredictions(EpochRecord record, int[] predicted) {
                delivered.add(predicted);
            }
        };
        try (TrainingSession s = Sessions.lenet(config).optListener(listener).build()) {
            assertEquals(RunState.FINISHED, s.start(train, null).get());
            for (int i = 0; i < 100 && ends.isEmpty(); i++) {
                Thread.sleep(20);
            }
            assertEquals(1, ends.size());
            assertTrue(delivered.isEmpty());
            assertNull(s.lastValidationPredictions());
        }
    }

    private static int[] argmax(float[] logits, int classes) {
        int[] out = new int[logits.length / classes];
        for (int i = 0; i < out.length; i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (logits[i * classes + c] > logits[i * classes + best]) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }
}
