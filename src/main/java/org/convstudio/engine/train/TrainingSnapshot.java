package org.convstudio.engine.train;

/**
 * An immutable view of a run at one moment, published to {@link TrainingListener}s.
 *
 * @param state                  what the session is doing
 * @param epoch                  1-based current epoch (0 before the first)
 * @param totalEpochs            epochs the run is going to
 * @param batch                  batches done in the current epoch
 * @param batchesPerEpoch        batches in one epoch
 * @param step                   optimiser steps since the model was created
 * @param trainLoss              running mean training loss of the current epoch (NaN before any batch)
 * @param trainAccuracy          running training accuracy of the current epoch
 * @param validationLoss         validation loss of the last finished epoch (NaN if none)
 * @param validationAccuracy     validation accuracy of the last finished epoch (NaN if none)
 * @param imagesPerSecond        training throughput of the current epoch
 * @param epochSeconds           seconds spent in the current epoch (pauses excluded)
 * @param etaSeconds             estimated seconds to the end of the run (NaN if unknown)
 * @param learningRate           current learning rate
 * @param device                 device label ("cpu", "gpu:0")
 * @param message                a message for the user (device fallback, divergence, error), or ""
 */
public record TrainingSnapshot(RunState state, int epoch, int totalEpochs, int batch, int batchesPerEpoch,
                               long step, double trainLoss, double trainAccuracy, double validationLoss,
                               double validationAccuracy, double imagesPerSecond, double epochSeconds,
                               double etaSeconds, double learningRate, String device, String message) {

    public TrainingSnapshot {
        message = message == null ? "" : message;
    }

    /** Progress of the whole run in [0, 1]. */
    public double progress() {
        long total = (long) totalEpochs * batchesPerEpoch;
        if (total == 0) {
            return 0;
        }
        return Math.min(1.0, ((long) Math.max(0, epoch - 1) * batchesPerEpoch + batch) / (double) total);
    }
}
