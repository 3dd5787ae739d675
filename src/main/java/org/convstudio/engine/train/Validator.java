package org.convstudio.engine.train;

import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.convstudio.engine.data.ImageSet;

/** Evaluates the model on the validation set at the end of an epoch. Training thread only. */
final class Validator {

    /** Validation loss, accuracy and the predicted class of every image (null without a validation set). */
    record Validation(double loss, double accuracy, int[] predicted) {
    }

    private Validator() {
    }

    /** Mean loss, accuracy and predictions over {@code validation} ({NaN, NaN, null} without one). */
    static Validation validate(SessionModel m, int batchSize, ImageSet validation) {
        if (validation == null || validation.size() == 0) {
            return new Validation(Double.NaN, Double.NaN, null);
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
            for (int from = 0; from < n; from += batchSize) {
                BatchTrainer.Evaluation e = m.trainer().evaluateWithPredictions(validation, order, from,
                        Math.min(n, from + batchSize), vm);
                losses.add(e.result().loss());
                corrects.add(e.result().correct());
                predictions.add(e.predicted());
            }
            double loss = NDArrays.stack(losses).sum().getFloat() / n;
            double acc = NDArrays.stack(corrects).sum().getLong() / (double) n;
            long[] p = NDArrays.concat(predictions).toLongArray();
            int[] predicted = new int[n];
            for (int i = 0; i < n; i++) {
                predicted[i] = (int) p[i];
            }
            return new Validation(loss, acc, predicted);
        }
    }
}
