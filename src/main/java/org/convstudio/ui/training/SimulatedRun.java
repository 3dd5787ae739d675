package org.convstudio.ui.training;

import java.util.Random;
import java.util.function.Consumer;

import org.convstudio.ui.common.AppendOnlySeries;

/**
 * A stand-in run that produces plausible loss and accuracy curves on a worker thread, so the Train
 * workspace, the per-pulse snapshot pipeline and the run controls can be used and tested before the
 * training engine is connected. It is labelled as simulated in the UI.
 */
public final class SimulatedRun implements TrainingRun {

    private final int epochs;
    private final int stepsPerEpoch;
    private final long stepNanos;
    private final long seed;
    private volatile boolean paused;
    private volatile boolean stopRequested;
    private Thread worker;

    public SimulatedRun(int epochs, int stepsPerEpoch, long stepNanos, long seed) {
        this.epochs = epochs;
        this.stepsPerEpoch = stepsPerEpoch;
        this.stepNanos = stepNanos;
        this.seed = seed;
    }

    @Override
    public void start(Consumer<TrainingSnapshot> publisher) {
        worker = new Thread(() -> run(publisher), "convstudio-simulated-run");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void pause() {
        paused = true;
    }

    @Override
    public void resume() {
        paused = false;
    }

    @Override
    public void stop() {
        stopRequested = true;
    }

    private void run(Consumer<TrainingSnapshot> publisher) {
        Random random = new Random(seed);
        AppendOnlySeries trainLoss = new AppendOnlySeries(epochs * stepsPerEpoch + 1);
        AppendOnlySeries valLoss = new AppendOnlySeries(epochs + 1);
        AppendOnlySeries trainAcc = new AppendOnlySeries(epochs * stepsPerEpoch + 1);
        AppendOnlySeries valAcc = new AppendOnlySeries(epochs + 1);
        long total = (long) epochs * stepsPerEpoch;
        long step = 0;
        long started = System.nanoTime();
        long pausedNanos = 0;
        RunState end = RunState.FINISHED;
        outer:
        for (int epoch = 1; epoch <= epochs; epoch++) {
            for (int i = 0; i < stepsPerEpoch; i++) {
                if (stopRequested) {
                    end = RunState.STOPPED;
                    break outer;
                }
                if (paused) {
                    long p0 = System.nanoTime();
                    publisher.accept(snapshot(RunState.PAUSED, epoch, step, total, 0,
                            trainLoss, valLoss, trainAcc, valAcc));
                    while (paused && !stopRequested) {
                        sleepNanos(20_000_000L);
                    }
                    pausedNanos += System.nanoTime() - p0;
                    if (stopRequested) {
                        end = RunState.STOPPED;
                        break outer;
                    }
                }
                step++;
                double t = step / (double) stepsPerEpoch;
                double loss = 0.08 + 2.2 * Math.exp(-t / 2.2) + 0.12 * Math.exp(-t) * random.nextGaussian()
                        + 0.03 * random.nextGaussian();
                double acc = Math.min(0.995, 0.1 + 0.88 * (1 - Math.exp(-t / 1.8)) + 0.02 * random.nextGaussian());
                trainLoss.append(t, Math.max(1e-3, loss));
                trainAcc.append(t, Math.max(0, acc));
                if (stepNanos > 0) {
                    sleepNanos(stepNanos);
                }
                double elapsed = (System.nanoTime() - started - pausedNanos) / 1e9;
                publisher.accept(snapshot(RunState.RUNNING, epoch, step, total, step / Math.max(1e-9, elapsed),
                        trainLoss, valLoss, trainAcc, valAcc));
            }
            double t = epoch;
            valLoss.append(t, 0.15 + 2.2 * Math.exp(-t / 2.2) + 0.004 * t * t + 0.02 * random.nextGaussian());
            valAcc.append(t, Math.min(0.99, 0.1 + 0.85 * (1 - Math.exp(-t / 1.8)) + 0.01 * random.nextGaussian()));
        }
        double elapsed = (System.nanoTime() - started - pausedNanos) / 1e9;
        publisher.accept(snapshot(end, (int) Math.min(epochs, (step + stepsPerEpoch - 1) / stepsPerEpoch), step, total,
                step / Math.max(1e-9, elapsed), trainLoss, valLoss, trainAcc, valAcc));
    }

    private TrainingSnapshot snapshot(RunState state, int epoch, long step, long total, double rate,
                                      AppendOnlySeries tl, AppendOnlySeries vl,
                                      AppendOnlySeries ta, AppendOnlySeries va) {
        return new TrainingSnapshot(state, epoch, epochs, step, total, rate,
                tl.snapshot(), vl.snapshot(), ta.snapshot(), va.snapshot(), "Simulated preview run");
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
