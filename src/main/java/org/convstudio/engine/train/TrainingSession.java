package org.convstudio.engine.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.convstudio.engine.data.ImageSet;
import org.convstudio.engine.device.DeviceChoice;
import org.convstudio.engine.device.Devices;
import org.convstudio.engine.device.TorchThreads;

/**
 * A model and its training, on one dedicated worker thread that owns every DJL object (model,
 * parameters, optimiser state, managers). Other threads control it: {@link #start}, {@link #pause},
 * {@link #resume}, {@link #stop}, {@link #continueTraining}, and read it: {@link #state()},
 * {@link #lastSnapshot()}, {@link #history()}, listeners. Inference ({@link #logits}) also runs on the
 * worker, after any run in progress.
 *
 * <p>The parts: {@link RunControl} (state machine and requests), {@link SessionModel} (the DJL
 * objects), {@link EpochLoop} (the loop, with {@link EpochMeter}, {@link DivergenceGuard} and
 * {@link Validator}), {@link SessionProgress} (counters and snapshots), {@link SnapshotDispatcher}
 * (listener thread).
 *
 * <p>Create with {@link #builder()} (new model) or {@link #fromRunFolder} (reload a checkpoint).
 * {@code build()} blocks while the engine loads and the model is built: call it off the UI thread. If
 * it fails, everything it created (model, trainer, threads) is released before the exception leaves.
 */
public final class TrainingSession implements AutoCloseable {

    /** The name of the training thread. */
    public static final String WORKER_THREAD = "convstudio-train";
    /** The name of the thread that delivers snapshots to listeners. */
    public static final String EVENTS_THREAD = SnapshotDispatcher.THREAD_NAME;

    private final Supplier<Block> blockFactory;
    private final long[] chw;
    private final int classCount;
    private final TrainingConfig config;
    private final RunFolder runFolder;
    private final String architecture;
    private final boolean loadFromFolder;
    private final TorchThreads.Settings threads;
    private final StepHook stepHook;
    private final FolderLock folderLock;

    private final TrainingThread worker = new TrainingThread();
    private final SnapshotDispatcher dispatcher = new SnapshotDispatcher();
    private final RunControl control;
    private final SessionProgress progress;

    // owned by the worker thread
    private SessionModel model;
    private EpochLoop loop;

    private TrainingSession(Builder b) {
        this.blockFactory = b.blockFactory;
        this.chw = b.inputShape.getShape().clone();
        this.classCount = b.classCount;
        this.config = b.config;
        this.runFolder = b.runFolder;
        this.architecture = b.architecture;
        this.loadFromFolder = b.load;
        this.stepHook = b.stepHook;
        this.folderLock = new FolderLock(runFolder, b.runLock, loadFromFolder);
        this.control = b.control != null ? b.control : new RunControl();
        this.threads = b.threads != null ? b.threads
                : config.intraOpThreads() > 0 ? new TorchThreads.Settings(config.intraOpThreads(), 1)
                : TorchThreads.forApp();
        if (b.listener != null) {
            dispatcher.add(b.listener);
        }
        this.progress = new SessionProgress(config.epochs());
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
        return launch(train, validation, Math.max(config.epochs(), progress.epochsCompleted));
    }

    /** Trains {@code moreEpochs} epochs beyond those completed (after a stop, a finish or a reload). */
    public CompletableFuture<RunState> continueTraining(int moreEpochs, ImageSet train, ImageSet validation) {
        if (moreEpochs < 1) {
            throw new IllegalArgumentException("moreEpochs must be >= 1");
        }
        return launch(train, validation, progress.epochsCompleted + moreEpochs);
    }

    private synchronized CompletableFuture<RunState> launch(ImageSet train, ImageSet validation, int target) {
        if (control.state() == RunState.CLOSED) {
            throw new IllegalStateException("session is closed");
        }
        BatchAssembler.checkCompatible(train, chw, classCount);
        if (validation != null) {
            BatchAssembler.checkCompatible(validation, chw, classCount);
        }
        control.begin();
        return worker.supply(() -> loop.run(train, validation, target));
    }

    /** Pauses after the current batch; the optimiser state and step count are kept. */
    public void pause() {
        control.pause();
    }

    /** Continues a paused run from the same step. */
    public void resume() {
        control.resume();
    }

    /** Stops after the current batch. The model stays usable; the run can be continued. */
    public void stop() {
        control.stop();
    }

    /** The session's state machine (pause, resume, stop; the state). */
    public RunControl control() {
        return control;
    }

    public void addListener(TrainingListener listener) {
        dispatcher.add(listener);
    }

    public void removeListener(TrainingListener listener) {
        dispatcher.remove(listener);
    }

    // ---------------------------------------------------------------- reading (any thread)

    public RunState state() {
        return control.state();
    }

    /** The newest snapshot (null before the model is built). */
    public TrainingSnapshot lastSnapshot() {
        return progress.lastSnapshot;
    }

    /** Finished epochs, oldest first (an immutable copy). */
    public List<EpochRecord> history() {
        return List.copyOf(progress.history);
    }

    /** Optimiser steps taken since the model was created (continues across reloads). */
    public long steps() {
        return progress.steps;
    }

    /**
     * The predicted class of every validation image at the end of the last finished epoch (validation-set
     * order; a copy), or null before the first epoch with a validation set.
     */
    public int[] lastValidationPredictions() {
        int[] p = progress.lastPredictions;
        return p == null ? null : p.clone();
    }

    /**
     * The last finished epoch's validation predictions with the true labels and top classes (what the run
     * folder keeps as {@value PredictionsFile#FILE}), or null before the first epoch with a validation set.
     */
    public EpochPredictions lastEpochPredictions() {
        return progress.lastEpochPredictions;
    }

    public int epochsCompleted() {
        return progress.epochsCompleted;
    }

    /** The device in use and, if the requested one was unavailable, the fallback notice. */
    public DeviceChoice device() {
        return progress.device;
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
        return worker.supply(() -> model.logits(images, count, classCount, config.batchSize()));
    }

    /**
     * Runs {@code action} with the model on the worker thread (e.g. for inspection or export). Do not
     * keep NDArrays beyond the call.
     */
    public <T> CompletableFuture<T> withModel(Function<Model, T> action) {
        return worker.supply(() -> action.apply(model.model));
    }

    /** Number of NDArrays alive in the model's manager tree (for leak checks). Runs on the worker. */
    public CompletableFuture<Integer> liveArrayCount() {
        return worker.supply(() -> model.model.getNDManager().getManagedArrays().size());
    }

    /** Stops any run, frees the model and ends the worker and listener threads (waits for them). */
    @Override
    public void close() {
        stop();
        release();
        TrainingSnapshot closed = progress.snapshot(RunState.CLOSED, null, "");
        dispatcher.stateChanged(closed);
        dispatcher.close();
    }

    /** Frees the DJL objects on the worker, then ends the worker thread and waits for it. */
    private void release() {
        worker.runAndWait(this::freeModel);
        worker.end();
        folderLock.release();
        control.moveTo(RunState.CLOSED);
    }

    private void freeModel() {
        try {
            if (loop != null) {
                loop.close();
            }
        } finally {
            if (model != null) {
                model.close();
            }
        }
    }

    // ---------------------------------------------------------------- worker thread

    private void init() throws IOException {
        folderLock.take(); // before the folder is touched: a folder another process or session writes is refused
        TorchThreads.apply(threads); // loads the engine
        Autograd.setEnabled(false); // grad mode is per thread: off on this one except inside a step
        DeviceChoice device = Devices.choose(config.device());
        progress.device = device;
        model = SessionModel.open(blockFactory, chw, config, device, loadFromFolder ? runFolder : null, progress);
        if (!loadFromFolder && runFolder != null) {
            folderLock.writeNewRun(architecture, config);
        }
        progress.steps = model.trainer().steps();
        loop = new EpochLoop(model, config, control, progress, dispatcher, runFolder, stepHook, device.notice());
        TrainingSnapshot s = progress.snapshot(RunState.READY, null, device.notice());
        dispatcher.stateChanged(s);
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
        private StepHook stepHook;
        private RunControl control;
        private org.convstudio.engine.store.RunLock runLock;

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

        /** PyTorch thread counts (default: from the config, else {@link TorchThreads#forApp()}). */
        public Builder optThreads(TorchThreads.Settings threads) {
            this.threads = threads;
            return this;
        }

        /** Called on the training thread after every optimiser step (see {@link StepHook}); none by default. */
        public Builder optStepHook(StepHook hook) {
            this.stepHook = hook;
            return this;
        }

        /**
         * The run folder's lock, already held by the caller (who releases it). Without it the session takes
         * the lock when built and releases it when closed; either way a folder another writer owns is refused.
         */
        public Builder optRunLock(org.convstudio.engine.store.RunLock lock) {
            this.runLock = lock;
            return this;
        }

        /** The state machine to use (created earlier, e.g. to take a Stop pressed while building). */
        public Builder optControl(RunControl control) {
            this.control = control;
            return this;
        }

        /**
         * Builds the model on the new worker thread; blocks until it is ready. On failure the model,
         * trainer and threads created so far are released before the exception is thrown.
         */
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
                session.releaseAfterFailedBuild();
                throw new IllegalStateException("interrupted while building the model", e);
            } catch (ExecutionException e) {
                session.releaseAfterFailedBuild();
                Throwable cause = e.getCause();
                throw new IllegalStateException("could not build the model: " + cause.getMessage(), cause);
            }
            return session;
        }
    }

    private void releaseAfterFailedBuild() {
        release();
        dispatcher.close();
    }
}
