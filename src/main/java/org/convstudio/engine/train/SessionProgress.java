package org.convstudio.engine.train;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.convstudio.engine.device.DeviceChoice;

/**
 * What a session has done so far, written by the training thread and read by any thread: history,
 * counters, the newest snapshot. Also makes the snapshots.
 */
final class SessionProgress {

    final List<EpochRecord> history = new CopyOnWriteArrayList<>();
    volatile TrainingSnapshot lastSnapshot;
    volatile DeviceChoice device;
    volatile long steps;
    volatile int epochsCompleted;
    volatile int targetEpochs;
    volatile int[] lastPredictions;
    /** The last finished epoch's validation predictions with top classes (null before one, or without validation). */
    volatile EpochPredictions lastEpochPredictions;
    /** Epochs in the last checkpoint written (what a failure leaves intact on disk). */
    volatile int savedEpochs;
    /** The epoch being trained (for messages about a failure during it). */
    volatile int runningEpoch;

    SessionProgress(int targetEpochs) {
        this.targetEpochs = targetEpochs;
    }

    TrainingSnapshot snapshot(RunState st, EpochMeter m, String message) {
        EpochRecord last = history.isEmpty() ? null : history.get(history.size() - 1);
        double valLoss = last == null ? Double.NaN : last.validationLoss();
        double valAcc = last == null ? Double.NaN : last.validationAccuracy();
        String dev = device == null ? "" : device.label();
        if (m == null) {
            return new TrainingSnapshot(st, epochsCompleted, targetEpochs, 0, 0, steps, Double.NaN, Double.NaN,
                    valLoss, valAcc, 0, 0, Double.NaN, Double.NaN, dev, message);
        }
        double spb = m.batchesDone == 0 ? Double.NaN : m.activeSeconds() / m.batchesDone;
        long remaining = (long) (targetEpochs - m.epoch) * m.batches + (m.batches - m.batchesDone);
        return new TrainingSnapshot(st, m.epoch, targetEpochs, m.batchesDone, m.batches, steps, m.meanLoss(),
                m.accuracy(), valLoss, valAcc, m.imagesPerSecond(), m.activeSeconds(), remaining * spb, m.lr, dev,
                message);
    }
}
