package org.convstudio.engine.train;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import org.convstudio.engine.data.ImageSet;
import org.convstudio.engine.device.DeviceChoice;
import org.convstudio.engine.device.Devices;
import org.convstudio.engine.device.TorchThreads;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A model and its training, on one dedicated worker thread that owns every DJL object (model,
 * parameters, optimiser state, managers). Other threads control it: {@link #start}, {@link #pause},
 * {@link #resume}, {@link #stop}, {@link #continueTraining}, and read it: {@link #state()},
 * {@link #lastSnapshot()}, {@link #history()}, listeners. Inference ({@link #logits}) also runs on the
 * worker, after any run in progress.
 *
 * <p>Create with {@link #builder()} (new model) or {@link #fromRunFolder} (reload a checkpoint).
 * {@code build()} blocks while the engine loads and the model is built: call it off the UI thread.
 */
public final class TrainingSession implements AutoCloseable {

    /** Minimum time between two progress snapshots (so at most 20 per second). */
    static final long PUBLISH_INTERVAL_NANOS = 50_000_000L;

    private final Supplier<Block> blockFactory;
    private final long[] chw;
    private final int classCount;
    private final TrainingConfig config;
    private final RunFolder runFolder;
    private final String architecture;
    private final boolean loadFromFolder;
    private final TorchThreads.Settings threads;
    private final org.convstudio.engine.run.RunLock givenLock;
    private volatile org.convstudio.engine.run.RunLock ownLock;

    private final ExecutorService worker;
    private final SnapshotDispatcher dispatcher = new SnapshotDispatcher();
    private final Object pauseLock = new Object();
    private final List<EpochRecord> history = new CopyOnWriteArrayList<>();

    private volatile RunState state = RunState.READY;
    private volatile boolean pauseRequested;
    private volatile boolean stopRequested;
    private volatile TrainingSnapshot lastSnapshot;
    private volatile DeviceChoice deviceChoice;
    private volatile long steps;
    private volatile int epochsCompleted;
    private volatile int targetEpochs;
    private volatile int[] lastPredictions;
    /** Epochs in the last checkpoint written (what a failure leaves intact on disk). */
    private volatile int savedEpochs;
    /** The epoch being trained (for messages about a failure during it). */
    private volatile int runningEpoch;

    // owned by the worker thread
    private Model model;
    private Block block;
    private BatchTrainer trainer;
    private GoodState lastGood;
    private String deviceNotice = "";

    private TrainingSession(Builder b) {
        this.blockFactory = b.blockFactory;
        this.chw = b.inputShape.getShape().clone();
        this.classCount = b.classCount;
        this.config = b.config;
        this.runFolder = b.runFolder;
        this.architecture = b.architecture;
        this.loadFromFolder = b.load;
        this.givenLock = b.runLock;
        this.threads = b.threads != null ? b.threads
                : config.intraOpThreads() > 0 ? new TorchThreads.Settings(config.intraOpThreads(), 1)
                : TorchThreads.forApp();
        if (b.listener != null) {
            dispatcher.add(b.listener);
        }
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "convstudio-train");
            t.setDaemon(true);
            return t;
        });
        this.targetEpochs = config.epochs();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder that reloads the run in {@code folder}: configuration, weights, optimiser state, step
     * count and history. The block factory must build the same architecture (see
     * {@link RunFolder#readArchitecture()}).
     */
    public static Builder fromRunFolder(Path folder, Supplier<Block> blockFactory, Shape inputShape, int classCount)
            throws IOException {
        RunFolder rf = new RunFolder(folder);
        Builder b = new Builder();
        b.setNetwork(blockFactory, inputShape, classCount);
        b.config = rf.readConfig();
        b.runFolder = rf;
        b.architecture = rf.readArchitecture();
        b.load = true;
        return b;
    }

    // ---------------------------------------------------------------- control (any thread)

    /** Trains up to the configured number of epochs (counting epochs already done by a loaded run). */
    public CompletableFuture<RunState> start(ImageSet train, ImageSet validation) {
        return launch(train, validation, Math.max(config.epochs(), epochsCompleted));
    }

    /** Trains {@code moreEpochs} epochs beyond those completed (after a stop, a finish or a reload). */
    public CompletableFuture<RunState> continueTraining(int moreEpochs, ImageSet train, ImageSet validation) {
        if (moreEpochs < 1) {
            throw new IllegalArgumentException("moreEpochs must be >= 1");
        }
        return launch(train, validation, epochsCompleted + moreEpochs);
    }

    private synchronized CompletableFuture<RunState> launch(ImageSet train, ImageSet validation, int target) {
        if (state.isActive()) {
            throw new IllegalStateException("a run is already in progress");
        }
        if (state == RunState.CLOSED) {
            throw new IllegalStateException("session is closed");
        }
        checkCompatible(train);
        if (validation != null) {
            checkCompatible(validation);
        }
        stopRequested = false;
        pauseRequested = false;
        state = RunState.RUNNING;
        return CompletableFuture.supplyAsync(() -> run(train, validation, target), worker);
    }

    /** Pauses after the current batch; the optimiser state and step count are kept. */
    public void pause() {
        if (state.isActive()) {
            pauseRequested = true;
        }
    }

    /** Continues a paused run from the same step. */
    public void resume() {
        synchronized (pauseLock) {
            pauseRequested = false;
            pauseLock.notifyAll();
        }
    }

    /** Stops after the current batch. The model stays usable; the run can be continued. */
    public void stop() {
        synchronized (pauseLock) {
            stopRequested = true;
            pauseLock.notifyAll();
        }
    }

    public void addListener(TrainingListener listener) {
        dispatcher.add(listener);
    }

    public void removeListener(TrainingListener listener) {
        dispatcher.remove(listener);
    }

    // ---------------------------------------------------------------- reading (any thread)

    public RunState state() {
        return state;
    }

    /** The newest snapshot (null before the model is built). */
    public TrainingSnapshot lastSnapshot() {
        return lastSnapshot;
    }

    /** Finished epochs, oldest first (an immutable copy). */
    public List<EpochRecord> history() {
        return List.copyOf(history);
    }

    /** Optimiser steps taken since the model was created (continues across reloads). */
    public long steps() {
        return steps;
    }

    /**
     * The predicted class of every validation image at the end of the last finished epoch (validation-set
     * order; a copy), or null before the first epoch with a validation set.
     */
    public int[] lastValidationPredictions() {
        int[] p = lastPredictions;
        return p == null ? null : p.clone();
    }

    public int epochsCompleted() {
        return epochsCompleted;
    }

    /** The device in use and, if the requested one was unavailable, the fallback notice. */
    public DeviceChoice device() {
        return deviceChoice;
    }

    public TrainingConfig config() {
        return config;
    }

    public RunFolder runFolder() {
        return runFolder;
    }

    /**
     * Logits for {@code count} images given as NCHW floats: a float[count × classes], row by row.
     * Runs on the worker thread after any run in progress.
     */
    public CompletableFuture<float[]> logits(float[] images, int count) {
        int len = Math.toIntExact(chw[0] * chw[1] * chw[2]);
        if (images.length < count * len) {
            throw new IllegalArgumentException("need " + count * len + " floats, got " + images.length);
        }
        return CompletableFuture.supplyAsync(() -> {
            float[] out = new float[count * classCount];
            int bs = config.batchSize();
            for (int from = 0; from < count; from += bs) {
                int to = Math.min(count, from + bs);
                float[] part = trainer.logits(images, from, to);
                System.arraycopy(part, 0, out, from * classCount, part.length);
            }
            return out;
        }, worker);
    }

    /**
     * Runs {@code action} with the model on the worker thread (e.g. for inspection or export). Do not
     * keep NDArrays beyond the call.
     */
    public <T> CompletableFuture<T> withModel(java.util.function.Function<Model, T> action) {
        return CompletableFuture.supplyAsync(() -> action.apply(model), worker);
    }

    /** Number of NDArrays alive in the model's manager tree (for leak checks). Runs on the worker. */
    public CompletableFuture<Integer> liveArrayCount() {
        return CompletableFuture.supplyAsync(() -> model.getNDManager().getManagedArrays().size(), worker);
    }

    /** Stops any run, frees the model and ends the worker thread. */
    @Override
    public void close() {
        stop();
        try {
            worker.submit(() -> {
                if (trainer != null) {
                    trainer.close();
                }
                if (lastGood != null) {
                    lastGood.close();
                }
                if (model != null) {
                    model.close();
                }
            }).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway
        }
        worker.shutdown();
        releaseOwnLock();
        state = RunState.CLOSED;
        dispatcher.stateChanged(snapshot(RunState.CLOSED, null, ""));
        dispatcher.close();
    }

    // ---------------------------------------------------------------- worker thread

    /** Takes the run folder's lock unless the caller holds it (see {@link Builder#optRunLock}). */
    private void lockRunFolder() throws IOException {
        if (runFolder != null && (givenLock == null || !givenLock.isHeld())) {
            ownLock = org.convstudio.engine.run.RunLock.acquire(runFolder.dir(), loadFromFolder ? "continue" : "train");
        }
    }

    private void releaseOwnLock() {
        org.convstudio.engine.run.RunLock l = ownLock;
        ownLock = null;
        if (l != null) {
            l.close();
        }
    }

    private void init() throws IOException {
        lockRunFolder();
        TorchThreads.apply(threads); // loads the engine
        Autograd.setEnabled(false); // grad mode is per thread: off on this one except inside a step
        deviceChoice = Devices.choose(config.device());
        deviceNotice = deviceChoice.notice();
        model = Model.newInstance("convstudio", deviceChoice.device(), Devices.ENGINE);
        block = blockFactory.get();
        model.setBlock(block);
        CheckpointInfo loaded = null;
        if (loadFromFolder) {
            runFolder.recover(); // under the folder's lock: finish a checkpoint a kill interrupted
            loaded = runFolder.checkIntegrity(config);
            java.util.Map<String, Shape> expected = WeightShapes.of(blockFactory, model.getNDManager(), chw);
            runFolder.readWeights(model);
            WeightShapes.check(expected, block, runFolder.dir());
            for (Pair<String, Parameter> p : block.getParameters()) {
                if (p.getValue().requiresGradient()) {
                    p.getValue().getArray().setRequiresGradient(true);
                }
            }
        } else {
            Devices.engine().setRandomSeed((int) config.seed());
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, chw[0], chw[1], chw[2]));
        }
        trainer = new BatchTrainer(block, config, model.getNDManager(), chw);
        if (loadFromFolder) {
            CheckpointInfo info = loaded;
            try (NDManager tmp = model.getNDManager().newSubManager()) {
                NDList saved = runFolder.readOptimizerState(tmp);
                if (saved != null) {
                    trainer.updater().restore(saved, info.step());
                }
            }
            history.addAll(runFolder.readHistory());
            epochsCompleted = info.epochsCompleted();
            savedEpochs = epochsCompleted;
            targetEpochs = Math.max(info.targetEpochs(), epochsCompleted);
        } else if (runFolder != null) {
            try {
                runFolder.writeArchitecture(architecture == null ? "" : architecture);
                runFolder.writeConfig(config);
            } catch (IOException e) {
                throw new org.convstudio.engine.run.RunFailures.Explained(
                        org.convstudio.engine.run.RunFailures.cannotWrite(e, runFolder.dir()), e);
            }
        }
        steps = trainer.steps();
        TrainingSnapshot s = snapshot(RunState.READY, null, deviceNotice);
        dispatcher.stateChanged(s);
    }

    private RunState run(ImageSet train, ImageSet validation, int target) {
        targetEpochs = target;
        try {
            int n = train.size();
            int bs = config.batchSize();
            int batches = (n + bs - 1) / bs;
            rememberGood();
            publishState(RunState.RUNNING, null, deviceNotice);
            for (int epoch = epochsCompleted + 1; epoch <= target; epoch++) {
                RunState outcome = runEpoch(epoch, train, validation, batches, (long) target * batches);
                if (outcome != RunState.RUNNING) {
                    return outcome;
                }
            }
            publishState(RunState.FINISHED, null, "");
            return RunState.FINISHED;
        } catch (RuntimeException | IOException | Error e) {
            Autograd.setEnabled(false);
            String msg = e instanceof org.convstudio.engine.run.RunFailures.Explained ? e.getMessage()
                    : org.convstudio.engine.run.RunFailures.isOutOfMemory(e)
                    ? org.convstudio.engine.run.RunFailures.outOfMemory(e, Math.max(runningEpoch, 1), savedEpochs,
                            runFolder == null ? null : runFolder.dir())
                    : "training failed: " + e;
            publishState(RunState.FAILED, null, msg);
            System.Logger log = System.getLogger(TrainingSession.class.getName());
            if (org.convstudio.engine.run.RunFailures.debug()) {
                log.log(System.Logger.Level.ERROR, msg, e);
            } else {
                log.log(System.Logger.Level.DEBUG, msg); // the message reaches the user through the snapshot
            }
            return RunState.FAILED;
        }
    }

    /** Returns RUNNING when the epoch completed, else the state the run ended in. */
    private RunState runEpoch(int epoch, ImageSet train, ImageSet validation, int batches, long totalSteps)
            throws IOException {
        int n = train.size();
        int bs = config.batchSize();
        int[] order = order(n, epoch);
        EpochMeter meter = new EpochMeter(epoch, batches);
        runningEpoch = epoch;
        NDManager root = model.getNDManager();
        try (NDManager pending = root.newSubManager()) {
            List<BatchTrainer.Result> unread = new ArrayList<>();
            long lastPublish = System.nanoTime();
            for (int b = 0; b < batches; b++) {
                if (pauseRequested && !stopRequested) {
                    String bad = flush(unread, meter);
                    if (bad != null) {
                        return diverge(bad, meter);
                    }
                    pauseHere(meter);
                }
                if (stopRequested) {
                    String bad = flush(unread, meter);
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
                steps = trainer.steps();
                meter.batchDone(to - from, lr);
                long now = System.nanoTime();
                if (now - lastPublish >= PUBLISH_INTERVAL_NANOS) {
                    String bad = flush(unread, meter);
                    if (bad != null) {
                        return diverge(bad, meter);
                    }
                    TrainingSnapshot s = snapshot(RunState.RUNNING, meter, "");
                    lastSnapshot = s;
                    dispatcher.progress(s);
                    lastPublish = now;
                }
            }
            String bad = flush(unread, meter);
            if (bad != null) {
                return diverge(bad, meter);
            }
        }
        meter.endTraining();
        Validation val = validate(validation);
        EpochRecord record = new EpochRecord(epoch, meter.meanLoss(), meter.accuracy(), val.loss(), val.accuracy(), meter.lr,
                meter.activeSeconds(), meter.imagesPerSecond());
        history.add(record);
        epochsCompleted = epoch;
        rememberGood();
        checkpoint(epoch == targetEpochs ? "finished" : "epoch");
        TrainingSnapshot s = snapshot(RunState.RUNNING, meter, "");
        lastSnapshot = s;
        lastPredictions = val.predicted();
        dispatcher.epochEnd(s, record, val.predicted());
        return RunState.RUNNING;
    }

    /** Reads back the pending per-batch results (one device sync); returns a message on NaN/Inf. */
    private String flush(List<BatchTrainer.Result> unread, EpochMeter meter) {
        if (unread.isEmpty()) {
            return null;
        }
        NDList losses = new NDList(unread.size());
        NDList corrects = new NDList(unread.size());
        for (BatchTrainer.Result r : unread) {
            losses.add(r.loss());
            corrects.add(r.correct());
        }
        float[] l;
        long[] c;
        try (NDArray ls = NDArrays.stack(losses); NDArray cs = NDArrays.stack(corrects)) {
            l = ls.toFloatArray();
            c = cs.toLongArray();
        }
        String bad = null;
        int firstBatch = meter.flushedBatches + 1;
        for (int k = 0; k < l.length; k++) {
            if (!Float.isFinite(l[k])) {
                int batch = firstBatch + k;
                bad = "loss became " + (Float.isNaN(l[k]) ? "NaN" : "infinite") + " at epoch " + meter.epoch
                        + " batch " + batch + " — lower the learning rate";
                break;
            }
            meter.add(l[k], c[k], unread.get(k).size());
        }
        losses.close();
        corrects.close();
        unread.clear();
        return bad;
    }

    private RunState diverge(String message, EpochMeter meter) {
        restoreGood();
        publishState(RunState.DIVERGED, meter, message + " (weights restored to the end of epoch "
                + epochsCompleted + ")");
        return RunState.DIVERGED;
    }

    private void pauseHere(EpochMeter meter) {
        meter.pauseClock();
        publishState(RunState.PAUSED, meter, "");
        synchronized (pauseLock) {
            while (pauseRequested && !stopRequested) {
                try {
                    pauseLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopRequested = true;
                }
            }
        }
        meter.resumeClock();
        if (!stopRequested) {
            publishState(RunState.RUNNING, meter, "");
        }
    }

    /** Validation loss, accuracy and the predicted class of every image (null without a validation set). */
    private record Validation(double loss, double accuracy, int[] predicted) {
    }

    /** Mean loss, accuracy and predictions over the validation set ({NaN, NaN, null} without one). */
    private Validation validate(ImageSet validation) {
        if (validation == null || validation.size() == 0) {
            return new Validation(Double.NaN, Double.NaN, null);
        }
        int n = validation.size();
        int bs = config.batchSize();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        try (NDManager vm = model.getNDManager().newSubManager()) {
            NDList losses = new NDList();
            NDList corrects = new NDList();
            NDList predictions = new NDList();
            for (int from = 0; from < n; from += bs) {
                BatchTrainer.Evaluation e = trainer.evaluateWithPredictions(validation, order, from,
                        Math.min(n, from + bs), vm);
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

    /** A seeded shuffle per epoch: the same seed and epoch give the same order, also after a reload. */
    private int[] order(int n, int epoch) {
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
            runFolder.writeCheckpoint(model, new Shape(1, chw[0], chw[1], chw[2]), trainer.updater().state(),
                    List.copyOf(history), RunFolder.info(epochsCompleted, targetEpochs, trainer.steps(), reason,
                            deviceChoice.label()));
        } catch (IOException e) {
            throw new org.convstudio.engine.run.RunFailures.Explained(org.convstudio.engine.run.RunFailures.saveFailed(
                    e, runFolder.dir(), epochsCompleted, savedEpochs, "stopped".equals(reason)), e);
        }
        savedEpochs = epochsCompleted;
    }

    /** Copies weights and optimiser state in memory (on the device) as the last known-good point. */
    private void rememberGood() {
        GoodState fresh = new GoodState(model.getNDManager().newSubManager());
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray copy = p.getValue().getArray().duplicate();
            copy.attach(fresh.manager);
            fresh.weights.add(copy);
        }
        for (NDArray a : trainer.updater().state()) {
            NDArray copy = a.duplicate();
            copy.attach(fresh.manager);
            fresh.optimizer.add(copy);
        }
        fresh.steps = trainer.steps();
        if (lastGood != null) {
            lastGood.close();
        }
        lastGood = fresh;
    }

    private void restoreGood() {
        Autograd.setEnabled(false);
        int i = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray w = p.getValue().getArray();
            NDArray copy = lastGood.weights.get(i++).duplicate();
            w.intern(copy);
            if (p.getValue().requiresGradient()) {
                w.setRequiresGradient(true);
            }
        }
        trainer.updater().restore(lastGood.optimizer, lastGood.steps);
        steps = trainer.steps();
    }

    private void publishState(RunState newState, EpochMeter meter, String message) {
        state = newState;
        TrainingSnapshot s = snapshot(newState, meter, message);
        lastSnapshot = s;
        dispatcher.stateChanged(s);
    }

    private TrainingSnapshot snapshot(RunState st, EpochMeter m, String message) {
        EpochRecord last = history.isEmpty() ? null : history.get(history.size() - 1);
        double valLoss = last == null ? Double.NaN : last.validationLoss();
        double valAcc = last == null ? Double.NaN : last.validationAccuracy();
        String dev = deviceChoice == null ? "" : deviceChoice.label();
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

    private void checkCompatible(ImageSet set) {
        if (set.channels() != chw[0] || set.height() != chw[1] || set.width() != chw[2]) {
            throw new IllegalArgumentException("images are " + set.channels() + "x" + set.height() + "x"
                    + set.width() + " but the network takes " + chw[0] + "x" + chw[1] + "x" + chw[2]);
        }
        for (int label : set.labels()) {
            if (label < 0 || label >= classCount) {
                throw new IllegalArgumentException("label " + label + " outside 0.." + (classCount - 1));
            }
        }
    }

    /** Weights and optimiser state copied at a known-good point. */
    private static final class GoodState implements AutoCloseable {
        final NDManager manager;
        final NDList weights = new NDList();
        final NDList optimizer = new NDList();
        long steps;

        GoodState(NDManager manager) {
            this.manager = manager;
        }

        @Override
        public void close() {
            manager.close();
        }
    }

    /** Per-epoch counters, all on the Java side (filled from device read-backs). */
    private static final class EpochMeter {
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

    // ---------------------------------------------------------------- builder

    /** DJL-style builder. */
    public static final class Builder {
        private Supplier<Block> blockFactory;
        private Shape inputShape;
        private int classCount;
        private TrainingConfig config = TrainingConfig.builder().build();
        private RunFolder runFolder;
        private String architecture;
        private boolean load;
        private TrainingListener listener;
        private TorchThreads.Settings threads;
        private org.convstudio.engine.run.RunLock runLock;

        private Builder() {
        }

        /**
         * The network: a factory of fresh, uninitialised DJL blocks that output logits, the input
         * shape (C, H, W) and the number of classes.
         */
        public Builder setNetwork(Supplier<Block> blockFactory, Shape inputShape, int classCount) {
            if (inputShape.dimension() != 3) {
                throw new IllegalArgumentException("input shape must be (C, H, W): " + inputShape);
            }
            this.blockFactory = blockFactory;
            this.inputShape = inputShape;
            this.classCount = classCount;
            return this;
        }

        public Builder setConfig(TrainingConfig config) {
            this.config = config;
            return this;
        }

        /** Checkpoint every epoch into {@code folder}, storing {@code architecture} (e.g. model JSON) with it. */
        public Builder optRunFolder(Path folder, String architecture) {
            this.runFolder = new RunFolder(folder);
            this.architecture = architecture;
            return this;
        }

        public Builder optListener(TrainingListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * The run folder's lock, already held by the caller (who releases it). Without it the session takes
         * the lock itself when built and releases it when closed; either way a folder another process or
         * session writes is refused.
         */
        public Builder optRunLock(org.convstudio.engine.run.RunLock lock) {
            this.runLock = lock;
            return this;
        }

        /** PyTorch thread counts (default: from the config, else {@link TorchThreads#forApp()}). */
        public Builder optThreads(TorchThreads.Settings threads) {
            this.threads = threads;
            return this;
        }

        /** Builds the model on the new worker thread; blocks until it is ready. */
        public TrainingSession build() {
            if (blockFactory == null) {
                throw new IllegalStateException("setNetwork(...) is required");
            }
            TrainingSession session = new TrainingSession(this);
            try {
                session.worker.submit(() -> {
                    session.init();
                    return null;
                }).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                session.worker.shutdownNow();
                session.releaseOwnLock();
                throw new IllegalStateException("interrupted while building the model", e);
            } catch (ExecutionException e) {
                session.worker.shutdownNow();
                session.releaseOwnLock();
                throw new IllegalStateException("could not build the model: " + e.getCause().getMessage(), e.getCause());
            }
            return session;
        }
    }
}
