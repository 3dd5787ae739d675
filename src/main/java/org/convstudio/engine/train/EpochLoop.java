package org.convstudio.engine.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import ai.djl.ndarray.NDManager;
import org.convstudio.engine.data.ImageSet;
import org.convstudio.engine.explain.Explain;

/**
 * The training loop of one session, on its training thread: epochs of seeded-shuffled batches, the
 * learning-rate schedule, pause/stop between batches, rate-limited progress snapshots, the divergence
 * guard, validation and a checkpoint at the end of every epoch.
 */
final class EpochLoop {

    /** Minimum time between two progress snapshots (so at most 20 per second). */
    static final long PUBLISH_INTERVAL_NANOS = 50_000_000L;

    private final SessionModel m;
    private final TrainingConfig config;
    private final RunControl control;
    private final SessionProgress progress;
    private final SnapshotDispatcher dispatcher;
    private final RunFolder runFolder;
    private final StepHook stepHook;
    private final DivergenceGuard guard;
    private final String deviceNotice;

    EpochLoop(SessionModel m, TrainingConfig config, RunControl control, SessionProgress progress,
              SnapshotDispatcher dispatcher, RunFolder runFolder, StepHook stepHook, String deviceNotice) {
        this.m = m;
        this.config = config;
        this.control = control;
        this.progress = progress;
        this.dispatcher = dispatcher;
        this.runFolder = runFolder;
        this.stepHook = stepHook;
        this.deviceNotice = deviceNotice;
        this.guard = new DivergenceGuard(m);
    }

    /** Trains up to epoch {@code target}; returns the state the run ended in. */
    RunState run(ImageSet train, ImageSet validation, int target) {
        progress.targetEpochs = target;
        try {
            int n = train.size();
            int bs = config.batchSize();
            int batches = (n + bs - 1) / bs;
            guard.rememberGood();
            publishState(RunState.RUNNING, null, deviceNotice);
            for (int epoch = progress.epochsCompleted + 1; epoch <= target; epoch++) {
                RunState outcome = runEpoch(epoch, train, validation, batches, (long) target * batches);
                if (outcome != RunState.RUNNING) {
                    return outcome;
                }
            }
            publishState(RunState.FINISHED, null, "");
            return RunState.FINISHED;
        } catch (RuntimeException | IOException | Error e) {
            Autograd.setEnabled(false);
            String msg = failure(e);
            publishState(RunState.FAILED, null, msg);
            System.Logger log = System.getLogger(TrainingSession.class.getName());
            if (Explain.debug()) {
                log.log(System.Logger.Level.ERROR, msg, e);
            } else {
                log.log(System.Logger.Level.DEBUG, msg); // the message reaches the user through the snapshot
            }
            return RunState.FAILED;
        }
    }

    /** The failure as the run's message: a save failure or running out of memory says what is kept on disk. */
    private String failure(Throwable e) {
        if (e instanceof Explain.Explained) {
            return e.getMessage();
        }
        if (Explain.isOutOfMemory(e)) {
            return Explain.outOfMemory(e, Math.max(progress.runningEpoch, 1), progress.savedEpochs,
                    runFolder == null ? null : runFolder.dir());
        }
        return Explain.sentence("Training failed", e);
    }

    /** Returns RUNNING when the epoch completed, else the state the run ended in. */
    private RunState runEpoch(int epoch, ImageSet train, ImageSet validation, int batches, long totalSteps)
            throws IOException {
        int n = train.size();
        int bs = config.batchSize();
        int[] order = order(n, epoch, config);
        EpochMeter meter = new EpochMeter(epoch, batches);
        progress.runningEpoch = epoch;
        BatchTrainer trainer = m.trainer();
        trainer.setStepHook(stepHook);
        try (NDManager pending = m.model.getNDManager().newSubManager()) {
            List<BatchTrainer.Result> unread = new ArrayList<>();
            long lastPublish = System.nanoTime();
            for (int b = 0; b < batches; b++) {
                if (control.pausePending()) {
                    String bad = guard.flush(unread, meter);
                    if (bad != null) {
                        return diverge(bad, meter);
                    }
                    pauseHere(meter);
                }
                if (control.stopPending()) {
                    String bad = guard.flush(unread, meter);
                    if (bad != null) {
                        return diverge(bad, meter);
                    }
                    checkpoint("stopped");
                    publishState(RunState.STOPPED, meter, "");
                    return RunState.STOPPED;
                }
                float lr = (float) config.schedule().rate(config.learningRate(), trainer.steps(), batches, totalSteps);
                int from = b * bs;
                int to = Math.min(n, from + bs);
                unread.add(trainer.train(train, order, from, to, lr, pending));
                progress.steps = trainer.steps();
                meter.batchDone(to - from, lr);
                if (stepHook != null) {
                    stepHook.afterStep(m.block, progress.steps);
                }
                long now = System.nanoTime();
                if (now - lastPublish >= PUBLISH_INTERVAL_NANOS) {
                    String bad = guard.flush(unread, meter);
                    if (bad != null) {
                        return diverge(bad, meter);
                    }
                    TrainingSnapshot s = progress.snapshot(RunState.RUNNING, meter, "");
                    progress.lastSnapshot = s;
                    dispatcher.progress(s);
                    lastPublish = now;
                }
            }
            String bad = guard.flush(unread, meter);
            if (bad != null) {
                return diverge(bad, meter);
            }
        }
        meter.endTraining();
        Validator.Validation val = Validator.validate(m, config.batchSize(), validation);
        EpochRecord record = new EpochRecord(epoch, meter.meanLoss(), meter.accuracy(), val.loss(), val.accuracy(),
                meter.lr, meter.activeSeconds(), meter.imagesPerSecond());
        progress.history.add(record);
        progress.epochsCompleted = epoch;
        guard.rememberGood();
        progress.lastPredictions = val.predicted();
        progress.lastEpochPredictions = val.predictions(epoch, validation);
        checkpoint(epoch == progress.targetEpochs ? "finished" : "epoch");
        TrainingSnapshot s = progress.snapshot(RunState.RUNNING, meter, "");
        progress.lastSnapshot = s;
        dispatcher.epochEnd(s, record, val.predicted());
        return RunState.RUNNING;
    }

    private RunState diverge(String message, EpochMeter meter) {
        guard.restoreGood();
        progress.steps = m.trainer().steps();
        publishState(RunState.DIVERGED, meter, message + " (weights restored to the end of epoch "
                + progress.epochsCompleted + ")");
        return RunState.DIVERGED;
    }

    private void pauseHere(EpochMeter meter) {
        meter.pauseClock();
        publishState(RunState.PAUSED, meter, "");
        control.waitWhilePaused();
        meter.resumeClock();
        if (!control.stopPending()) {
            publishState(RunState.RUNNING, meter, "");
        }
    }

    /** A seeded shuffle per epoch: the same seed and epoch give the same order, also after a reload. */
    static int[] order(int n, int epoch, TrainingConfig config) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (config.shuffle()) {
            Random rnd = new Random(config.seed() * 1_000_003L + epoch);
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return order;
    }

    private void checkpoint(String reason) throws IOException {
        if (runFolder == null) {
            return;
        }
        try {
            m.checkpoint(runFolder, List.copyOf(progress.history), progress.epochsCompleted, progress.targetEpochs,
                    reason, progress.device.label(), progress.lastEpochPredictions);
        } catch (IOException e) {
            throw new Explain.Explained(Explain.saveFailed(e, runFolder.dir(), progress.epochsCompleted,
                    progress.savedEpochs, "stopped".equals(reason)), e);
        }
        progress.savedEpochs = progress.epochsCompleted;
    }

    void publishState(RunState newState, EpochMeter meter, String message) {
        control.moveTo(newState);
        TrainingSnapshot s = progress.snapshot(newState, meter, message);
        progress.lastSnapshot = s;
        dispatcher.stateChanged(s);
    }

    /** Frees the in-memory known-good copy. */
    void close() {
        guard.close();
    }
}
