package org.convstudio.engine.train;

/**
 * The metrics of one finished epoch, as kept in the run's history.
 *
 * @param epoch              1-based epoch number
 * @param trainLoss          mean training loss over the epoch's batches
 * @param trainAccuracy      fraction of training images classified correctly (while training)
 * @param validationLoss     mean validation loss (NaN without a validation set)
 * @param validationAccuracy validation accuracy (NaN without a validation set)
 * @param learningRate       rate of the epoch's last step
 * @param seconds            wall time of the epoch's training part (pauses excluded)
 * @param imagesPerSecond    training throughput over the epoch
 */
public record EpochRecord(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                          double validationAccuracy, double learningRate, double seconds,
                          double imagesPerSecond) {
}
