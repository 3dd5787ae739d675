package org.convstudio.ui.training;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.convstudio.analysis.metrics.ConfusionMatrix;
import org.convstudio.engine.data.DataSplit;
import org.convstudio.engine.data.ImageSet;
import org.convstudio.engine.device.TorchThreads;
import org.convstudio.engine.probe.ProbeTap;
import org.convstudio.engine.explain.Explain;
import org.convstudio.engine.explain.RunSetupException;
import org.convstudio.engine.run.TrainingJob;
import org.convstudio.engine.train.EpochRecord;
import org.convstudio.engine.train.RunControl;
import org.convstudio.engine.train.TrainingConfig;
import org.convstudio.engine.train.TrainingListener;
import org.convstudio.engine.train.TrainingSession;
import org.convstudio.model.graph.Network;
import org.convstudio.ui.common.AppendOnlySeries;

/**
 * A run on the real engine, made by {@link TrainingJob} exactly as {@code convstudio train} makes it:
 * builds the job off the FX thread (the engine load blocks), trains, and turns the session's events into
 * complete {@link TrainingSnapshot}s for the UI. All the listener work happens on the session's event
 * thread, never on the training thread: the training loop only hands over its own snapshots. Pause and
 * Stop go to the session's {@link RunControl}, which exists before the session so that nothing pressed
 * while the engine loads is lost.
 */
public final class EngineRun implements TrainingRun {

    /**
     * What to train.
     *
     * @param network    the design (must be trainable)
     * @param config     the settings of a new run (ignored when continuing: the folder has them)
     * @param data       the images, raw as loaded (the job scales them as the run folder says)
     * @param samples    raw validation images for the strip of predictions
     * @param folder     the run folder (new run: created; continuing: read from it)
     * @param moreEpochs 0 for a new run; else continue the run in {@code folder} for this many epochs
     * @param title      what the dashboard calls the run
     * @param threads    PyTorch thread counts when the settings leave them open (null: {@link TorchThreads#forApp()})
     * @param dataSpec   the data set's name as the user chose it (recorded in the run folder), or null
     */
    public record Request(Network network, TrainingConfig config, DataSplit data, Samples samples, Path folder,
                          int moreEpochs, String title, TorchThreads.Settings threads, boolean tensorBoard,
                          String dataSpec) {

        /** A run whose data set is not named (the run folder then does not record it). */
        public Request(Network network, TrainingConfig config, DataSplit data, Samples samples, Path folder,
                       int moreEpochs, String title, TorchThreads.Settings threads, boolean tensorBoard) {
            this(network, config, data, samples, folder, moreEpochs, title, threads, tensorBoard, null);
        }

        /** A run without TensorBoard event files. */
        public Request(Network network, TrainingConfig config, DataSplit data, Samples samples, Path folder,
                       int moreEpochs, String title, TorchThreads.Settings threads) {
            this(network, config, data, samples, folder, moreEpochs, title, threads, false);
        }
    }

    /** Live probe rounds per second at most, while the Inspect workspace follows the run. */
    public static final double PROBES_PER_SECOND = 4;

    /** The folder inside a run folder that holds its TensorBoard event files (the Train page's TensorBoard box). */
    public static final String TENSORBOARD_FOLDER = "tensorboard";

    private final Request request;
    private final ProbeTap probes = new ProbeTap(PROBES_PER_SECOND);
    private final Object lock = new Object();
    private final RunControl control = new RunControl();
    private volatile TrainingJob job;
    private Consumer<TrainingSnapshot> publisher;

    // written under lock, on the event thread (and by the launcher before training starts)
    private final AppendOnlySeries trainLoss = new AppendOnlySeries(1024);
    private final AppendOnlySeries trainAcc = new AppendOnlySeries(1024);
    private final AppendOnlySeries valLoss = new AppendOnlySeries(64);
    private final AppendOnlySeries valAcc = new AppendOnlySeries(64);
    private org.convstudio.engine.train.TrainingSnapshot last;
    private TrainingSnapshot.EpochResult lastEpoch;
    private RunState state = RunState.STARTING;
    private String message = "";

    public EngineRun(Request request) {
        this.request = request;
    }

    public Request request() {
        return request;
    }

    /** The session once built (null before), e.g. for tests and tools. */
    public TrainingSession session() {
        TrainingJob j = job;
        return j == null ? null : j.session();
    }

    /**
     * The run's step hook for live probes (see {@link ProbeTap}): it probes only
     * while someone listens; its sample indices refer to {@code request().data().test()}.
     */
    public ProbeTap probes() {
        return probes;
    }

    /** The job once built (null before). */
    public TrainingJob job() {
        return job;
    }

    @Override
    public void start(Consumer<TrainingSnapshot> publisher) {
        this.publisher = publisher;
        Thread t = new Thread(this::launch, "convstudio-run-launcher");
        t.setDaemon(true);
        launcher = t;
        t.start();
    }

    private volatile Thread launcher;

    @Override
    public boolean awaitFinished(long millis) throws InterruptedException {
        Thread t = launcher;
        if (t == null) {
            return true;
        }
        t.join(millis);
        return !t.isAlive();
    }

    @Override
    public void pause() {
        control.pause();
    }

    @Override
    public void resume() {
        control.resume();
    }

    @Override
    public void stop() {
        control.stop();
    }

    private void launch() {
        publish(RunState.STARTING, "Starting the training engine…");
        TrainingJob j;
        try {
            TrainingJob.Builder b = request.moreEpochs() > 0
                    ? TrainingJob.resume(request.folder()).optMoreEpochs(request.moreEpochs())
                    : TrainingJob.builder().setDesign(request.network()).setConfig(request.config())
                            .optRunFolder(request.folder()).optDataSource(request.dataSpec());
            j = b.setData(request.data()).optListener(new Listener()).optControl(control).optStepHook(probes)
                    .optThreads(request.threads() != null ? request.threads() : TorchThreads.forApp())
                    .optTensorBoard(request.tensorBoard() ? Path.of(TENSORBOARD_FOLDER) : null).build();
        } catch (RuntimeException | Error e) {
            publish(RunState.FAILED, e instanceof RunSetupException ? e.getMessage()
                    : Explain.sentence("The run could not start", e));
            return;
        }
        synchronized (lock) {
            for (EpochRecord r : j.session().history()) {
                addEpoch(r);
            }
        }
        job = j;
        int batch = j.session().config().batchSize();
        probes.setImages(j.data().test(), (j.data().train().size() + batch - 1) / batch);
        try {
            if (control.stopPending()) {
                publish(RunState.STOPPED, "");
                return;
            }
            j.start().get();
        } catch (Exception | Error e) {
            publish(RunState.FAILED, Explain.sentence("Training failed", e));
        } finally {
            j.close();
        }
    }

    private void addEpoch(EpochRecord r) {
        if (Double.isFinite(r.trainLoss())) {
            trainLoss.append(r.epoch(), r.trainLoss());
        }
        if (Double.isFinite(r.trainAccuracy())) {
            trainAcc.append(r.epoch(), r.trainAccuracy());
        }
        if (Double.isFinite(r.validationLoss())) {
            valLoss.append(r.epoch(), r.validationLoss());
        }
        if (Double.isFinite(r.validationAccuracy())) {
            valAcc.append(r.epoch(), r.validationAccuracy());
        }
    }

    private void publish(RunState newState, String newMessage) {
        synchronized (lock) {
            state = newState;
            message = newMessage;
            publishLocked();
        }
    }

    private void publishLocked() {
        org.convstudio.engine.train.TrainingSnapshot s = last;
        TrainingSnapshot out = s == null
                ? new TrainingSnapshot(state, 0, request.config() == null ? 0 : request.config().epochs(), 0, 0, 0,
                        Double.NaN, Double.NaN, Double.NaN, trainLoss.snapshot(), valLoss.snapshot(),
                        trainAcc.snapshot(), valAcc.snapshot(), lastEpoch, "", message, request.title())
                : new TrainingSnapshot(state, s.epoch(), s.totalEpochs(), s.batch(), s.batchesPerEpoch(), s.step(),
                        s.imagesPerSecond(), s.learningRate(), s.etaSeconds(), trainLoss.snapshot(),
                        valLoss.snapshot(), trainAcc.snapshot(), valAcc.snapshot(), lastEpoch, s.device(), message,
                        request.title());
        publisher.accept(out);
    }

    /** Runs on the session's event thread. */
    private final class Listener implements TrainingListener {

        @Override
        public void onProgress(org.convstudio.engine.train.TrainingSnapshot s) {
            synchronized (lock) {
                last = s;
                if (s.batchesPerEpoch() > 0 && s.batch() > 0) {
                    double x = s.epoch() - 1 + s.batch() / (double) s.batchesPerEpoch();
                    if (Double.isFinite(s.trainLoss())) {
                        trainLoss.append(x, s.trainLoss());
                    }
                    if (Double.isFinite(s.trainAccuracy())) {
                        trainAcc.append(x, s.trainAccuracy());
                    }
                }
                publishLocked();
            }
        }

        @Override
        public void onEpochEnd(org.convstudio.engine.train.TrainingSnapshot s, EpochRecord record) {
            synchronized (lock) {
                last = s;
                addEpoch(record);
                publishLocked();
            }
        }

        @Override
        public void onValidationPredictions(EpochRecord record, int[] predicted) {
            ImageSet val = request.data().test();
            int classes = Math.max(val.classCount(), max(predicted) + 1);
            ConfusionMatrix matrix = ConfusionMatrix.of(val.labels(), predicted, classes);
            Samples samples = request.samples() == null ? Samples.NONE : request.samples();
            List<String> names = val.classNames();
            synchronized (lock) {
                lastEpoch = new TrainingSnapshot.EpochResult(record.epoch(), matrix, names, samples,
                        samples.select(predicted));
                publishLocked();
            }
        }

        @Override
        public void onStateChanged(org.convstudio.engine.train.TrainingSnapshot s) {
            RunState mapped = switch (s.state()) {
                case RUNNING -> RunState.RUNNING;
                case PAUSED -> RunState.PAUSED;
                case STOPPED -> RunState.STOPPED;
                case FINISHED -> RunState.FINISHED;
                case DIVERGED -> RunState.DIVERGED;
                case FAILED -> RunState.FAILED;
                case READY -> RunState.STARTING;
                case CLOSED -> null;
            };
            if (mapped == null) {
                return;
            }
            synchronized (lock) {
                if (s.batchesPerEpoch() > 0 || last == null) {
                    last = s;
                }
                state = mapped;
                if (!s.message().isEmpty() || mapped == RunState.RUNNING) {
                    message = s.message().isEmpty() && mapped == RunState.RUNNING && message.startsWith("Starting")
                            ? "" : s.message().isEmpty() ? message : s.message();
                }
                publishLocked();
            }
        }
    }

    private static int max(int[] a) {
        int m = -1;
        for (int v : a) {
            m = Math.max(m, v);
        }
        return m;
    }
}
