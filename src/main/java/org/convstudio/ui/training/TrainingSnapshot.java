package org.convstudio.ui.training;

import java.util.List;

import org.convstudio.analysis.metrics.ConfusionMatrix;
import org.convstudio.ui.common.AppendOnlySeries;

/**
 * Everything the Train workspace shows about a run at one moment. Immutable; built by the run's
 * worker (the engine's event thread) and handed to the FX thread through a
 * {@link org.convstudio.ui.common.PulseDrain}, which keeps only the latest one per pulse.
 *
 * @param state           what the run is doing
 * @param epoch           1-based epoch in progress (or last finished)
 * @param epochs          epochs the run goes to
 * @param batch           batches done in the current epoch
 * @param batchesPerEpoch batches in one epoch
 * @param step            optimiser steps since the model was created
 * @param imagesPerSecond training throughput of the current epoch
 * @param learningRate    current learning rate (NaN before the first step)
 * @param etaSeconds      estimated seconds to the end of the run (NaN if unknown)
 * @param trainLoss       running mean training loss (x = epochs, fractional)
 * @param valLoss         validation loss per finished epoch
 * @param trainAccuracy   running training accuracy
 * @param valAccuracy     validation accuracy per finished epoch
 * @param lastEpoch       confusion matrix and sample predictions of the last finished epoch, or null
 * @param device          device label from the engine ("cpu", "gpu:0"), or "" before it is known
 * @param message         a notice for the user (device fallback, divergence, failure), or ""
 * @param title           what is shown ("lenet on mnist-sample", a reopened run's name)
 */
public record TrainingSnapshot(
        RunState state,
        int epoch,
        int epochs,
        int batch,
        int batchesPerEpoch,
        long step,
        double imagesPerSecond,
        double learningRate,
        double etaSeconds,
        AppendOnlySeries.Snapshot trainLoss,
        AppendOnlySeries.Snapshot valLoss,
        AppendOnlySeries.Snapshot trainAccuracy,
        AppendOnlySeries.Snapshot valAccuracy,
        EpochResult lastEpoch,
        String device,
        String message,
        String title) {

    /** The validation outcome of one epoch: the confusion matrix and the sample strip's predictions. */
    public record EpochResult(int epoch, ConfusionMatrix matrix, List<String> classNames, Samples samples,
                              int[] samplePredictions) {
    }

    public TrainingSnapshot {
        message = message == null ? "" : message;
        title = title == null ? "" : title;
        device = device == null ? "" : device;
    }

    public static TrainingSnapshot idle() {
        AppendOnlySeries.Snapshot e = AppendOnlySeries.Snapshot.EMPTY;
        return new TrainingSnapshot(RunState.IDLE, 0, 0, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, e, e, e, e,
                null, "", "", "");
    }

    /** Progress of the whole run in [0, 1]. */
    public double progress() {
        long total = (long) epochs * batchesPerEpoch;
        if (total <= 0) {
            return 0;
        }
        return Math.min(1, ((long) Math.max(0, epoch - 1) * batchesPerEpoch + batch) / (double) total);
    }

    /** Progress of the current epoch in [0, 1]. */
    public double epochProgress() {
        return batchesPerEpoch <= 0 ? 0 : Math.min(1, batch / (double) batchesPerEpoch);
    }

    /** The same snapshot in another state with another message. */
    public TrainingSnapshot with(RunState newState, String newMessage) {
        return new TrainingSnapshot(newState, epoch, epochs, batch, batchesPerEpoch, step, imagesPerSecond,
                learningRate, etaSeconds, trainLoss, valLoss, trainAccuracy, valAccuracy, lastEpoch, device,
                newMessage, title);
    }

    /** The same snapshot with another last epoch's validation outcome (a reopened run's, read from its folder). */
    public TrainingSnapshot withLastEpoch(EpochResult result) {
        return new TrainingSnapshot(state, epoch, epochs, batch, batchesPerEpoch, step, imagesPerSecond,
                learningRate, etaSeconds, trainLoss, valLoss, trainAccuracy, valAccuracy, result, device,
                message, title);
    }

    /** The same snapshot with another estimate of the time left. */
    public TrainingSnapshot withEta(double newEtaSeconds) {
        return new TrainingSnapshot(state, epoch, epochs, batch, batchesPerEpoch, step, imagesPerSecond,
                learningRate, newEtaSeconds, trainLoss, valLoss, trainAccuracy, valAccuracy, lastEpoch, device,
                message, title);
    }
}
