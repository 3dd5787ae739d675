package org.convstudio.engine.run;
import org.convstudio.engine.explain.RunSetupException;
import org.convstudio.engine.store.RunIntegrity;
import org.convstudio.engine.store.RunLock;
import org.convstudio.engine.explain.Explain;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.convstudio.engine.build.NetworkBlock;
import org.convstudio.engine.data.DataSplit;
import org.convstudio.engine.data.ImageAdapter;
import org.convstudio.engine.device.TorchThreads;
import org.convstudio.engine.train.RunControl;
import org.convstudio.engine.train.RunFolder;
import org.convstudio.engine.train.RunState;
import org.convstudio.engine.train.StepHook;
import org.convstudio.engine.train.TrainingConfig;
import org.convstudio.engine.train.TrainingListener;
import org.convstudio.engine.train.TrainingSession;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.graph.Network;
import org.convstudio.model.io.NetworkJson;

/**
 * The one way a training run is made, by the app and by {@code convstudio train}: design + data +
 * settings in, a running {@link TrainingSession} and a run folder out. Every run folder holds the same
 * files whoever started it: {@value RunFolder#ARCHITECTURE}, {@value RunFolder#CONFIG} (the resolved
 * settings), {@value InputScaling#FILE}, {@value RunFolder#WEIGHTS}, {@value RunFolder#OPTIMIZER},
 * {@value RunFolder#HISTORY} and {@value RunFolder#CHECKPOINT}; its place follows {@link RunLocation}.
 *
 * <p>{@link Builder#build()} refuses a run that cannot fit in memory ({@link MemoryGuard}) before anything is
 * allocated, then takes the folder with {@link RunClaim} (its {@link RunLock}, roll-forward of an interrupted
 * checkpoint, and the {@link RunIntegrity} check of a run to continue) before writing anything into it; the
 * job holds that lock until it is closed (or the caller holds it: {@link Builder#optRunLock}).
 *
 * <pre>{@code
 * try (TrainingJob job = TrainingJob.builder()
 *         .setDesign(network).setData(split).setConfig(config)
 *         .optListener(listener).build()) {       // blocks while the engine loads: not on the UI thread
 *     RunState end = job.start().get();
 * }
 * // later: the same run, 3 more epochs, with its own settings and input scaling
 * TrainingJob.resume(job.folder()).setData(split).optMoreEpochs(3).build();
 * }</pre>
 */
public final class TrainingJob implements AutoCloseable {

    private final TrainingSession session;
    private final RunDesign design;
    private final Path folder;
    private final DataSplit data;
    private final InputScaling scaling;
    private final int moreEpochs;
    /** The run folder's lock when this job took it (released on close); null when the caller holds it. */
    private final RunLock ownLock;

    private TrainingJob(TrainingSession session, RunDesign design, Path folder, DataSplit data, InputScaling scaling,
                        int moreEpochs, RunLock ownLock) {
        this.session = session;
        this.design = design;
        this.folder = folder;
        this.data = data;
        this.scaling = scaling;
        this.moreEpochs = moreEpochs;
        this.ownLock = ownLock;
    }

    /** A new run. */
    public static Builder builder() {
        return new Builder(null);
    }

    /**
     * Continues the run in {@code folder} with its design, settings and input scaling: set the data
     * (raw, as loaded) and the number of more epochs.
     *
     * @throws RunSetupException when the folder holds no run to continue
     */
    public static Builder resume(Path folder) {
        RunReader.SavedRun saved = RunReader.read(folder);
        if (!saved.hasCheckpoint()) {
            throw new RunSetupException("There is no finished epoch to continue in " + folder + " (no "
                    + RunFolder.CHECKPOINT + ").");
        }
        Builder b = new Builder(saved);
        b.design = saved.design();
        b.config = saved.config();
        b.folder = folder;
        return b;
    }

    /** Trains: the configured epochs for a new run, the more epochs for a continued one. */
    public CompletableFuture<RunState> start() {
        return moreEpochs > 0 ? session.continueTraining(moreEpochs, data.train(), data.test())
                : session.start(data.train(), data.test());
    }

    public TrainingSession session() {
        return session;
    }

    public RunDesign design() {
        return design;
    }

    /** The run folder. */
    public Path folder() {
        return folder;
    }

    /** The data as the network sees it (scaled). */
    public DataSplit data() {
        return data;
    }

    public InputScaling scaling() {
        return scaling;
    }

    /** True when this job continues a saved run. */
    public boolean continues() {
        return moreEpochs > 0;
    }

    /** Stops any run, releases the session (model, trainer, threads), then the run folder's lock if the job took it. */
    @Override
    public void close() {
        try {
            session.close();
        } finally {
            if (ownLock != null) {
                ownLock.close();
            }
        }
    }

    /** DJL-style builder: {@code set*} for what is required, {@code opt*} for what has a default. */
    public static final class Builder {
        private final RunReader.SavedRun saved;
        private Network design;
        private DataSplit data;
        private TrainingConfig config;
        private Path folder;
        private Path runsRoot;
        private boolean normalize = true;
        private String dataSpec;
        private int moreEpochs = 1;
        private TrainingListener listener;
        private TorchThreads.Settings threads;
        private StepHook stepHook;
        private RunControl control;
        private RunLock runLock;
        private Path tensorBoard;

        private Builder(RunReader.SavedRun saved) {
            this.saved = saved;
        }

        /** The network to train (ignored when continuing: the run's own design is used). */
        public Builder setDesign(Network network) {
            if (saved == null) {
                this.design = network;
            }
            return this;
        }

        /** The images, raw as loaded (see {@link RunData}); the job scales them. */
        public Builder setData(DataSplit split) {
            this.data = split;
            return this;
        }

        /** The settings of a new run (ignored when continuing: the run's saved settings are used). */
        public Builder setConfig(TrainingConfig config) {
            if (saved == null) {
                this.config = config;
            }
            return this;
        }

        /** This exact folder (e.g. {@code --out}); default: a new one under the runs folder. */
        public Builder optRunFolder(Path folder) {
            if (saved == null) {
                this.folder = folder;
            }
            return this;
        }

        /** The runs folder new run folders go into (default {@link RunLocation#defaultRoot()}). */
        public Builder optRunsRoot(Path root) {
            this.runsRoot = root;
            return this;
        }

        /** Per-channel normalisation with the training split's statistics (default true; new runs only). */
        /**
         * Names the data set the images given to {@link #setData} come from (as the user typed it), so that the run
         * folder records it ({@value RunDataSource#FILE}) and Inspect and Embed reopen the run with its own images.
         */
        public Builder optDataSource(String spec) {
            this.dataSpec = spec;
            return this;
        }

        public Builder optNormalize(boolean normalize) {
            this.normalize = normalize;
            return this;
        }

        /** When continuing: how many more epochs (default 1). */
        public Builder optMoreEpochs(int epochs) {
            this.moreEpochs = epochs;
            return this;
        }

        public Builder optListener(TrainingListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * PyTorch threads when the settings do not fix them (settings' intra-op threads above 0 win).
         * Default: {@link TorchThreads#forHeadless()}; the app passes {@link TorchThreads#forApp()}.
         */
        public Builder optThreads(TorchThreads.Settings threads) {
            this.threads = threads;
            return this;
        }

        /**
         * Also writes TensorBoard event files (loss, accuracy, learning rate per epoch) into {@code logDir}/<run
         * folder name>; a relative {@code logDir} is taken inside the run folder (the app uses {@code tensorboard}).
         */
        public Builder optTensorBoard(Path logDir) {
            this.tensorBoard = logDir;
            return this;
        }

        /** A hook run on the training thread after every step (see {@link StepHook}). */
        public Builder optStepHook(StepHook hook) {
            this.stepHook = hook;
            return this;
        }

        /** The state machine the session uses (created before the build, so early Pause/Stop count). */
        public Builder optControl(RunControl control) {
            this.control = control;
            return this;
        }

        /**
         * The run folder's lock, already taken by the caller with {@link RunClaim#take} (the command line
         * takes it before loading data) and released by the caller. Without it the job takes the lock itself
         * in {@link #build()} and releases it when closed or when the build fails.
         */
        public Builder optRunLock(RunLock lock) {
            this.runLock = lock;
            return this;
        }

        /**
         * The design checked for training (its input shape tells how to load the data).
         *
         * @throws RunSetupException when it cannot be trained
         */
        public RunDesign checkDesign() {
            return RunDesign.of(design);
        }

        /**
         * Checks everything that can be checked without the engine.
         *
         * @return the checked design
         * @throws RunSetupException with a sentence for the user
         */
        public RunDesign validate() {
            RunDesign d = RunDesign.of(design);
            if (config == null) {
                throw new RunSetupException("Choose the training settings.");
            }
            if (data == null) {
                throw new RunSetupException("Choose a data set to train on.");
            }
            Optional<String> mismatch = ImageAdapter.check(data.shape(), d.inputShape());
            if (mismatch.isPresent()) {
                throw new RunSetupException(mismatch.get().replace(" (" + ImageAdapter.ADAPT_OPTION + ")", ""));
            }
            int classes = data.train().classCount();
            if (classes > d.classCount()) {
                throw new RunSetupException("The data set has " + classes + " classes but the network's last layer has "
                        + d.classCount() + " outputs — set the last Dense block to " + classes + " units.");
            }
            if (saved != null && moreEpochs < 1) {
                throw new RunSetupException("Continue a run for at least one more epoch.");
            }
            if (saved == null && folder != null && new RunFolder(folder).hasCheckpoint()) {
                throw new RunSetupException("The folder " + folder + " already holds a run: continue it, or choose "
                        + "another folder for the new run.");
            }
            return d;
        }

        /**
         * Validates, creates the run folder, scales the data, records the scaling and builds the session
         * (blocks while the engine loads and the model is built: not on the UI thread).
         *
         * @throws RunSetupException with a sentence for the user; nothing is left running
         */
        public TrainingJob build() {
            RunDesign d = validate();
            // refused before anything is allocated when its peak memory cannot fit (with the numbers)
            MemoryGuard.check(NetworkAnalyzer.analyze(d.network()), config.batchSize(),
                    MemoryEstimate.optimizerSlots(config.optimizer().name(), config.momentum()),
                    (long) data.train().size() + data.test().size(), true).ifPresent(tooBig -> {
                        throw new RunSetupException(tooBig);
                    });
            Path dir = folder != null ? folder
                    : RunLocation.newRunFolder(runsRoot != null ? runsRoot : RunLocation.defaultRoot(),
                            d.network().name());
            // the folder's lock before anything in it is touched (a folder another writer owns is refused)
            RunLock own = runLock != null && runLock.isHeld() ? null
                    : RunClaim.take(dir, saved != null ? "continue" : "train", saved != null);
            try {
                if (saved == null && own != null && new RunFolder(dir).hasCheckpoint()) {
                    throw new RunSetupException("The folder " + dir + " already holds a run: continue it, or choose "
                            + "another folder for the new run.");
                }
                InputScaling scaling = scaling(dir);
                DataSplit scaled;
                try {
                    scaled = scaling.apply(data);
                } catch (OutOfMemoryError e) {
                    throw new RunSetupException(Explain.outOfMemoryWith("normalising the images"));
                }
                TrainingSession session = session(d, dir, own != null ? own : runLock);
                return new TrainingJob(session, d, dir, scaled, scaling, saved != null ? moreEpochs : 0, own);
            } catch (RuntimeException | Error e) {
                if (own != null) {
                    own.close();
                }
                throw e;
            }
        }

        /** The run's input scaling: recorded in the folder for a new run, read from it when continuing. */
        private InputScaling scaling(Path dir) {
            try {
                if (saved != null) {
                    InputScaling s = saved.scaling().orElse(null);
                    if (s == null) { // a run from before the scaling was recorded: the old default
                        s = InputScaling.fit(data.train());
                        s.write(dir);
                    }
                    return s;
                }
                InputScaling s = normalize ? InputScaling.fit(data.train()) : InputScaling.none();
                s.write(dir);
                if (dataSpec != null) {
                    RunDataSource.of(dataSpec, data).write(dir);
                }
                return s;
            } catch (IOException e) {
                throw new RunSetupException(Explain.sentence("Cannot prepare the run folder " + dir, e), e);
            }
        }

        private TrainingSession session(RunDesign d, Path dir, RunLock lock) {
            TorchThreads.Settings t = config.intraOpThreads() > 0 ? new TorchThreads.Settings(config.intraOpThreads(), 1)
                    : threads != null ? threads : TorchThreads.forHeadless();
            Network net = d.network();
            TrainingListener l = null;
            try {
                l = org.convstudio.engine.tensorboard.TensorBoardListener.around(listener, tensorBoard, dir);
                TrainingSession.Builder b = saved != null
                        ? TrainingSession.fromRunFolder(dir, () -> NetworkBlock.of(net), d.chw(), d.classCount())
                        : TrainingSession.builder().setNetwork(() -> NetworkBlock.of(net), d.chw(), d.classCount())
                                .setConfig(config).optRunFolder(dir, NetworkJson.toJson(net));
                return b.optListener(l).optThreads(t).optStepHook(stepHook).optControl(control)
                        .optRunLock(lock).build();
            } catch (IOException | RuntimeException e) {
                if (l instanceof org.convstudio.engine.tensorboard.TensorBoardListener tb) {
                    tb.close(); // the session never started: its event file is closed here
                }
                throw new RunSetupException(Explain.sentence(saved != null ? "Cannot continue the run in " + dir
                        : "Cannot start training", e), e);
            }
        }
    }
}
