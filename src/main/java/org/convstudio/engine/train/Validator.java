package org.convstudio.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.convstudio.engine.data.ImageSet;

/** Evaluates the model on the validation set at the end of an epoch. Training thread only. */
final class Validator {

    /**
     * Validation loss, accuracy, the predicted class of every image and their class probabilities
     * (images × classes, row-major) — both null without a validation set.
     */
    record Validation(double loss, double accuracy, int[] predicted, float[] probabilities, int classes) {

        /** The predictions of epoch {@code epoch} with the true labels of {@code set} (null without predictions). */
        EpochPredictions predictions(int epoch, ImageSet set) {
            return predicted == null ? null
                    : EpochPredictions.of(epoch, set.classNames(), set.labels().clone(), predicted, probabilities, classes);
        }
    }

    private Validator() {
    }

    /** Mean loss, accuracy and predictions over {@code validation} ({NaN, NaN, null} without one). */
    static Validation validate(SessionModel m, int batchSize, ImageSet validation) {
        if (validation == null || validation.size() == 0) {
            return new Validation(Double.NaN, Double.NaN, null, null, 0);
        }
        int n = validation.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        try (NDManager vm = m.model.getNDManager().newSubManager()) {
            NDList losses = new NDList();
            NDList corrects = new NDList();
            NDList predictions = new NDList();
            NDList probabilities = new NDList();
            for (int from = 0; from < n; from += batchSize) {
                BatchTrainer.Evaluation e = m.trainer().evaluateWithPredictions(validation, order, from,
                        Math.min(n, from + batchSize), vm);
                losses.add(e.result().loss());
                corrects.add(e.result().correct());
                predictions.add(e.predicted());
                probabilities.add(e.probabilities());
            }
            double loss = NDArrays.stack(losses).sum().getFloat() / n;
            double acc = NDArrays.stack(corrects).sum().getLong() / (double) n;
            long[] p = NDArrays.concat(predictions).toLongArray();
            int[] predicted = new int[n];
            for (int i = 0; i < n; i++) {
                predicted[i] = (int) p[i];
            }
            NDArray probs = NDArrays.concat(probabilities);
            int classes = (int) probs.getShape().get(1);
            return new Validation(loss, acc, predicted, probs.toFloatArray(), classes);
        }
    }
}
