package org.convstudio.engine.train;

/** Per-epoch counters, all on the Java side (filled from device read-backs). Used by the training thread. */
final class EpochMeter {
    final int epoch;
    final int batches;
    int batchesDone;
    int flushedBatches;
    long imagesDone;
    double lossSum;
    long correct;
    long seen;
    float lr = Float.NaN;
    private final long start = System.nanoTime();
    private long pausedNanos;
    private long pausedAt;
    private long end;

    EpochMeter(int epoch, int batches) {
        this.epoch = epoch;
        this.batches = batches;
    }

    void batchDone(int size, float rate) {
        batchesDone++;
        imagesDone += size;
        lr = rate;
    }

    void add(float loss, long correctCount, int size) {
        lossSum += (double) loss * size;
        correct += correctCount;
        seen += size;
        flushedBatches++;
    }

    double meanLoss() {
        return seen == 0 ? Double.NaN : lossSum / seen;
    }

    double accuracy() {
        return seen == 0 ? Double.NaN : correct / (double) seen;
    }

    void pauseClock() {
        pausedAt = System.nanoTime();
    }

    void resumeClock() {
        pausedNanos += System.nanoTime() - pausedAt;
    }

    void endTraining() {
        end = System.nanoTime();
    }

    double activeSeconds() {
        long stop = end != 0 ? end : System.nanoTime();
        return (stop - start - pausedNanos) / 1e9;
    }

    double imagesPerSecond() {
        double s = activeSeconds();
        return s <= 0 ? 0 : imagesDone / s;
    }
}
