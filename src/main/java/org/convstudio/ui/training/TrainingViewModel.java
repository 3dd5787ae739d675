package org.convstudio.ui.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.convstudio.engine.data.DataSplit;
import org.convstudio.engine.data.DatasetException;
import org.convstudio.engine.data.DatasetLoader;
import org.convstudio.engine.data.DatasetSpec;
import org.convstudio.engine.data.ImageAdapter;
import org.convstudio.engine.data.ImageSet;
import org.convstudio.engine.data.ImageShape;
import org.convstudio.engine.data.Normalization;
import org.convstudio.engine.train.TrainingConfig;
import org.convstudio.model.analysis.Analysis;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.graph.Network;
import org.convstudio.ui.common.Background;
import org.convstudio.ui.common.PulseDrain;

/**
 * The Train workspace's state, on the FX thread: the design to train (from the Design workspace), the
 * loaded data set, the configuration, the current run and its latest snapshot, the runs folder.
 *
 * <p>Data sets load on the {@link Background} executor; runs train on the engine's own threads and
 * publish snapshots through a {@link PulseDrain}, so the view updates at most once per pulse.
 */
public final class TrainingViewModel {

    /** {@code -Dconvstudio.train.limit=N[,M]}: use only the first N training and M validation images. */
    public static final String LIMIT_PROPERTY = "convstudio.train.limit";
    /** Images in the strip of validation predictions. */
    public static final int STRIP_SIZE = 16;

    /**
     * A data set ready to train on.
     *
     * @param spec          what was loaded
     * @param split         normalised (and maybe adapted) training and validation images
     * @param originalShape the images' shape as loaded
     * @param adapted       true when the images were converted to the network's input shape
     * @param samples       raw validation images for the strip
     * @param warnings      things worth telling (skipped files ...)
     */
    public record LoadedData(DatasetSpec spec, DataSplit split, ImageShape originalShape, boolean adapted,
                             Samples samples, List<String> warnings) {

        public ImageShape shape() {
            return split.shape();
        }

        public List<String> classNames() {
            return split.classNames();
        }

        /** "8,000 training · 2,000 validation · 1×28×28 · 10 classes". */
        public String summary() {
            return String.format(Locale.ROOT, "%,d training · %,d validation · %s · %d classes%s",
                    split.train().size(), split.test().size(), shape(), split.train().classCount(),
                    adapted ? " (converted from " + originalShape + ")" : "");
        }
    }

    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state", RunState.IDLE);
    private final ReadOnlyObjectWrapper<TrainingSnapshot> snapshot =
            new ReadOnlyObjectWrapper<>(this, "snapshot", TrainingSnapshot.idle());
    private final ReadOnlyStringWrapper device = new ReadOnlyStringWrapper(this, "device", "");
    private final ObjectProperty<Analysis> analysis = new SimpleObjectProperty<>(this, "analysis");
    private final ReadOnlyObjectWrapper<LoadedData> data = new ReadOnlyObjectWrapper<>(this, "data");
    private final ReadOnlyBooleanWrapper dataLoading = new ReadOnlyBooleanWrapper(this, "dataLoading");
    private final ReadOnlyStringWrapper dataError = new ReadOnlyStringWrapper(this, "dataError", "");
    private final ObjectProperty<TrainingConfig> config = new SimpleObjectProperty<>(this, "config",
            TrainingConfig.builder().setBatchSize(64).setEpochs(5).build());
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError", "");
    private final ReadOnlyStringWrapper blocker = new ReadOnlyStringWrapper(this, "blocker", "");
    private final ReadOnlyStringWrapper adaptOffer = new ReadOnlyStringWrapper(this, "adaptOffer", "");
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper(this, "canStart");
    private final ObservableList<RunCatalog.RunInfo> runs = FXCollections.observableArrayList();
    private final ObjectProperty<Function<EngineRun.Request, TrainingRun>> runFactory =
            new SimpleObjectProperty<>(this, "runFactory", EngineRun::new);
    private final PulseDrain<TrainingSnapshot> drain = new PulseDrain<>(this::apply);
    private RunCatalog catalog = RunCatalog.forDataDirectory(Path.of(System.getProperty("user.home"), ".convstudio"));
    private TrainingRun run;
    private boolean loadRequested;
    private long loadGeneration;

    /** Dashboard refreshes during a run: at most this many per second (state changes and epoch ends at once). */
    public static final int REFRESH_PER_SECOND = 2;

    public TrainingViewModel() {
        drain.setMinInterval(1_000_000_000L / REFRESH_PER_SECOND, (shown, s) -> shown == null
                || s.state() != shown.state() || s.lastEpoch() != shown.lastEpoch()
                || s.valAccuracy().size() != shown.valAccuracy().size());
        analysis.set(NetworkAnalyzer.analyze(Network.empty("untitled")));
        for (ObservableValue<?> o : List.of(analysis, data, dataLoading, state, formError, dataError)) {
            o.addListener((obs, a, b) -> updateBlocker());
        }
        updateBlocker();
    }

    // ------------------------------------------------------------------ properties

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public RunState getState() {
        return state.get();
    }

    public ReadOnlyObjectProperty<TrainingSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** The device the engine reported for the current run ("" before the first run). */
    public ReadOnlyStringProperty deviceProperty() {
        return device.getReadOnlyProperty();
    }

    /** The design to train: bind it to the Design workspace's analysis. */
    public ObjectProperty<Analysis> analysisProperty() {
        return analysis;
    }

    public ReadOnlyObjectProperty<LoadedData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dataLoadingProperty() {
        return dataLoading.getReadOnlyProperty();
    }

    /** Why the last data set could not be loaded ("" when it loaded). */
    public ReadOnlyStringProperty dataErrorProperty() {
        return dataError.getReadOnlyProperty();
    }

    public ObjectProperty<TrainingConfig> configProperty() {
        return config;
    }

    /** A message from the hyperparameter form ("" when every field is valid). */
    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    public void setFormError(String message) {
        formError.set(message == null ? "" : message);
    }

    /** Why Train is disabled ("" when a run can start). */
    public ReadOnlyStringProperty blockerProperty() {
        return blocker.getReadOnlyProperty();
    }

    /** When data and network shapes disagree but the data can be converted: the offer ("" otherwise). */
    public ReadOnlyStringProperty adaptOfferProperty() {
        return adaptOffer.getReadOnlyProperty();
    }

    /** True when Train would start (or resume) a run. */
    public ReadOnlyBooleanProperty canStartProperty() {
        return canStart.getReadOnlyProperty();
    }

    public ObservableList<RunCatalog.RunInfo> runs() {
        return runs;
    }

    public RunCatalog catalog() {
        return catalog;
    }

    /** Where runs are kept (the shell sets it from its data folder). */
    public void setCatalog(RunCatalog catalog) {
        this.catalog = catalog;
        refreshRuns();
    }

    /** Where runs come from (tests may wrap the engine run). */
    public ObjectProperty<Function<EngineRun.Request, TrainingRun>> runFactoryProperty() {
        return runFactory;
    }

    /** The current (or last) run, or null. */
    public TrainingRun currentRun() {
        return run;
    }

    // ------------------------------------------------------------------ data

    /** Loads the default data set (the bundled sample) unless one is loaded or loading. */
    public void loadDefaultData() {
        if (!loadRequested) {
            loadData(DatasetSpec.mnistSample().toString());
        }
    }

    /**
     * Loads a data set off the FX thread. On success it replaces the current one; on failure the
     * message goes to {@link #dataErrorProperty()} and the current data set stays.
     */
    public void loadData(String specText) {
        if (state.get().isActive()) {
            return;
        }
        DatasetSpec spec;
        try {
            spec = DatasetSpec.parse(specText);
        } catch (DatasetException e) {
            dataError.set(e.getMessage());
            return;
        }
        loadRequested = true;
        long generation = ++loadGeneration;
        dataLoading.set(true);
        dataError.set("");
        ImageShape folderShape = networkShape().orElse(null);
        int[] limit = limit();
        Background.submit(() -> prepare(spec, folderShape, limit), loaded -> {
            if (generation != loadGeneration) {
                return;
            }
            dataLoading.set(false);
            data.set(loaded);
        }, error -> {
            if (generation != loadGeneration) {
                return;
            }
            dataLoading.set(false);
            dataError.set(error instanceof DatasetException ? error.getMessage()
                    : "The data set could not be loaded: " + (error.getMessage() == null ? error : error.getMessage()));
        });
    }

    private static LoadedData prepare(DatasetSpec spec, ImageShape folderShape, int[] limit) throws DatasetException {
        DatasetLoader.Options options = DatasetLoader.Options.defaults();
        if (folderShape != null && spec.kind() == DatasetSpec.Kind.FOLDER) {
            options = options.withFolderShape(folderShape);
        }
        DataSplit split = DatasetLoader.load(spec, options);
        if (limit != null) {
            split = new DataSplit(first(split.train(), limit[0]), first(split.test(), limit[1]), split.warnings());
        }
        if (split.train().size() == 0) {
            throw new DatasetException("The data set " + spec + " has no training images.");
        }
        if (split.test().size() == 0) {
            throw new DatasetException("The data set " + spec + " has no validation images.");
        }
        Samples samples = Samples.pick(split.test(), STRIP_SIZE);
        return new LoadedData(spec, Normalization.fitAndApply(split), split.shape(), false, samples, split.warnings());
    }

    private static ImageSet first(ImageSet set, int n) {
        if (n <= 0 || n >= set.size()) {
            return set;
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return set.subset(set.name(), idx);
    }

    private static int[] limit() {
        String p = System.getProperty(LIMIT_PROPERTY);
        if (p == null || p.isBlank()) {
            return null;
        }
        try {
            String[] parts = p.split(",");
            int train = Integer.parseInt(parts[0].strip());
            int val = parts.length > 1 ? Integer.parseInt(parts[1].strip()) : Math.max(1, train / 4);
            return new int[] {train, val};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Converts the loaded data to the network's input shape (off the FX thread). */
    public void adaptData() {
        LoadedData d = data.get();
        Optional<ImageShape> target = networkShape();
        if (d == null || target.isEmpty() || state.get().isActive()) {
            return;
        }
        long generation = ++loadGeneration;
        dataLoading.set(true);
        ImageShape to = target.get();
        Background.submit(() -> new LoadedData(d.spec(),
                        Normalization.fitAndApply(ImageAdapter.adapt(d.split(), to)), d.originalShape(), true,
                        d.samples(), d.warnings()),
                adapted -> {
                    if (generation == loadGeneration) {
                        dataLoading.set(false);
                        data.set(adapted);
                    }
                }, error -> {
                    if (generation == loadGeneration) {
                        dataLoading.set(false);
                        dataError.set("The images could not be converted: " + error.getMessage());
                    }
                });
    }

    private Optional<ImageShape> networkShape() {
        Analysis a = analysis.get();
        return a == null ? Optional.empty()
                : a.inputShape().map(s -> new ImageShape(s.channels(), s.height(), s.width()));
    }

    private void updateBlocker() {
        String why = "";
        String offer = "";
        Analysis a = analysis.get();
        LoadedData d = data.get();
        Optional<String> designProblem = a == null ? Optional.of("no design") : a.trainBlocker();
        if (designProblem.isPresent()) {
            why = "This design cannot be trained yet: " + designProblem.get();
        } else if (!formError.get().isEmpty()) {
            why = formError.get();
        } else if (dataLoading.get()) {
            why = "Loading the data set…";
        } else if (d == null) {
            why = dataError.get().isEmpty() ? "Choose a data set to train on." : "Choose a data set that loads.";
        } else {
            Optional<String> mismatch = ImageAdapter.check(d.shape(), networkShape().orElseThrow());
            if (mismatch.isPresent()) {
                why = mismatch.get().replace(" (" + ImageAdapter.ADAPT_OPTION + ")", "");
                if (ImageAdapter.canAdapt(d.shape(), networkShape().orElseThrow())) {
                    offer = why;
                }
            } else {
                int outputs = a.outputShape().orElseThrow().channels();
                int classes = d.split().train().classCount();
                if (classes > outputs) {
                    why = "The data set has " + classes + " classes but the network has " + outputs
                            + " outputs: give the last Dense block " + classes + " units.";
                }
            }
        }
        blocker.set(why);
        adaptOffer.set(offer);
        RunState s = state.get();
        canStart.set(s == RunState.PAUSED || (!s.isActive() && why.isEmpty()));
    }

    // ------------------------------------------------------------------ runs

    /** Train: starts a new run on the current design and data, or resumes a paused one. */
    public void train() {
        RunState s = state.get();
        if (s == RunState.PAUSED) {
            run.resume();
            state.set(RunState.RUNNING);
            return;
        }
        if (!canStart.get()) {
            return;
        }
        LoadedData d = data.get();
        Network net = analysis.get().network();
        Path folder = catalog.newRunFolder(net.name());
        launch(new EngineRun.Request(net, config.get(), d.split().train(), d.split().test(), d.samples(), folder, 0,
                net.name() + " on " + d.spec(), null));
    }

    /**
     * Continues {@code info}'s run for {@code moreEpochs} epochs on the loaded data (which must fit the
     * run's network). Returns a message when it cannot, else "".
     */
    public String continueRun(RunCatalog.RunInfo info, int moreEpochs) {
        if (state.get().isActive()) {
            return "A run is in progress.";
        }
        if (!info.resumable()) {
            return "This run has no checkpoint to continue from.";
        }
        var owner = org.convstudio.engine.run.RunLock.owner(info.dir());
        if (owner.isPresent()) {
            return "This run is in use by " + owner.get().describe() + ": wait for it to end, or stop it there.";
        }
        LoadedData d = data.get();
        if (d == null || dataLoading.get()) {
            return "Load a data set first.";
        }
        Analysis a = NetworkAnalyzer.analyze(info.network());
        ImageShape shape = a.inputShape().map(x -> new ImageShape(x.channels(), x.height(), x.width())).orElse(null);
        if (shape == null || !shape.equals(d.shape())) {
            return "The run's network takes " + shape + " images but the loaded data set has " + d.shape()
                    + " images.";
        }
        if (d.split().train().classCount() > a.outputShape().map(x -> x.channels()).orElse(0)) {
            return "The loaded data set has more classes than the run's network has outputs.";
        }
        launch(new EngineRun.Request(info.network(), null, d.split().train(), d.split().test(), d.samples(),
                info.dir(), moreEpochs, info.name() + " (continued) on " + d.spec(), null));
        return "";
    }

    private void launch(EngineRun.Request request) {
        run = runFactory.get().apply(request);
        snapshot.set(TrainingSnapshot.idle());
        state.set(RunState.STARTING);
        drain.start();
        run.start(drain::publish);
    }

    /** Shows a finished run's history in the dashboard (when no run is in progress). */
    public void open(RunCatalog.RunInfo info) {
        if (state.get().isActive()) {
            return;
        }
        var tl = new org.convstudio.ui.common.AppendOnlySeries();
        var ta = new org.convstudio.ui.common.AppendOnlySeries();
        var vl = new org.convstudio.ui.common.AppendOnlySeries();
        var va = new org.convstudio.ui.common.AppendOnlySeries();
        for (var r : info.history()) {
            append(tl, r.epoch(), r.trainLoss());
            append(ta, r.epoch(), r.trainAccuracy());
            append(vl, r.epoch(), r.validationLoss());
            append(va, r.epoch(), r.validationAccuracy());
        }
        int epochs = info.epochs();
        var last = info.history().isEmpty() ? null : info.history().get(epochs - 1);
        snapshot.set(new TrainingSnapshot(RunState.IDLE, epochs, epochs, 0, 0, 0,
                last == null ? Double.NaN : last.imagesPerSecond(), last == null ? Double.NaN : last.learningRate(),
                Double.NaN, tl.snapshot(), vl.snapshot(), ta.snapshot(), va.snapshot(), null, "", "",
                "Run " + info.id()));
    }

    private static void append(org.convstudio.ui.common.AppendOnlySeries s, double x, double y) {
        if (Double.isFinite(y)) {
            s.append(x, y);
        }
    }

    /** Pause / resume toggle (the Space key). */
    public void togglePause() {
        RunState s = state.get();
        if (s == RunState.RUNNING) {
            run.pause();
            state.set(RunState.PAUSED);
        } else if (s == RunState.PAUSED) {
            run.resume();
            state.set(RunState.RUNNING);
        }
    }

    /** Whether a run is starting, training, paused or stopping. Call on the FX thread. */
    public boolean isRunActive() {
        return run != null && state.get().isActive();
    }

    /**
     * Asks the active run to stop (on the FX thread) and returns a wait for its worker to finish (to
     * call off the FX thread): quitting must not cut a checkpoint in half.
     */
    public java.util.concurrent.Callable<Boolean> stopForQuit(long millis) {
        TrainingRun r = run;
        stop();
        return () -> r == null || r.awaitFinished(millis);
    }

    public void stop() {
        if (run != null && state.get().isActive()) {
            state.set(RunState.STOPPING);
            run.stop();
        }
    }

    /** Re-reads the runs folder off the FX thread. */
    public void refreshRuns() {
        RunCatalog c = catalog;
        Background.submit(c::list, list -> {
            if (c == catalog) {
                runs.setAll(list);
            }
        }, error -> { });
    }

    private int lastListedEpoch = -1;

    private void apply(TrainingSnapshot s) {
        TrainingSnapshot previous = snapshot.get();
        snapshot.set(s);
        if (!s.device().isEmpty()) {
            device.set(s.device());
        }
        RunState current = state.get();
        if (s.state().isTerminal()) {
            state.set(s.state());
            drain.stop();
            refreshRuns();
            return;
        }
        if (s.lastEpoch() != null && s.lastEpoch().epoch() != lastListedEpoch
                && (previous.lastEpoch() == null || previous.lastEpoch().epoch() != s.lastEpoch().epoch())) {
            lastListedEpoch = s.lastEpoch().epoch();
            refreshRuns(); // the run's folder now has a checkpoint: list it
        }
        // the UI's own state wins while a pause/stop request is on its way to the worker
        if (current == RunState.STOPPING) {
            return;
        }
        if (current == RunState.PAUSED && s.state() == RunState.RUNNING) {
            return;
        }
        if (current == RunState.RUNNING && s.state() == RunState.PAUSED) {
            return;
        }
        if (current == RunState.RUNNING && s.state() == RunState.STARTING) {
            return;
        }
        state.set(s.state());
    }
}
