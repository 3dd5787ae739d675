package org.convstudio.ui.training;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import org.convstudio.engine.data.DatasetSpec;
import org.convstudio.engine.data.ImageAdapter;
import org.convstudio.engine.data.ImageShape;
import org.convstudio.engine.run.RunLocation;
import org.convstudio.engine.train.TrainingConfig;
import org.convstudio.model.analysis.Analysis;
import org.convstudio.model.analysis.NetworkAnalyzer;
import org.convstudio.model.graph.Network;
import org.convstudio.ui.common.TaskExecutor;

/**
 * The Train workspace's state, on the UI thread: the design to train (from the Design workspace), the
 * data set ({@link DataSetModel}), the settings, why Train is blocked ({@link TrainBlocker}), the current
 * run ({@link RunController}) and the runs folder ({@link RunHistoryModel}).
 *
 * <p>It receives its {@link TaskExecutor}: data sets load and runs folders are read through it, and run
 * snapshots reach it on the executor's UI thread, so it is unit-tested without the JavaFX toolkit.
 */
public final class TrainingViewModel {

    /** {@code -Dconvstudio.train.limit=N[,M]}: use only the first N training and M validation images. */
    public static final String LIMIT_PROPERTY = DataSetModel.LIMIT_PROPERTY;
    /** Images in the strip of validation predictions. */
    public static final int STRIP_SIZE = DataSetModel.STRIP_SIZE;
    /** Dashboard refreshes during a run: at most this many per second (state changes and epoch ends at once). */
    public static final int REFRESH_PER_SECOND = RunController.REFRESH_PER_SECOND;

    private final ObjectProperty<Analysis> analysis = new SimpleObjectProperty<>(this, "analysis");
    private final ObjectProperty<TrainingConfig> config = new SimpleObjectProperty<>(this, "config",
            TrainingConfig.builder().setBatchSize(64).setEpochs(5).build());
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError", "");
    private final ReadOnlyStringWrapper blocker = new ReadOnlyStringWrapper(this, "blocker", "");
    private final ReadOnlyStringWrapper adaptOffer = new ReadOnlyStringWrapper(this, "adaptOffer", "");
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper(this, "canStart");
    private final StringProperty designName = new SimpleStringProperty(this, "designName", "");
    private final DataSetModel dataSet;
    private final RunHistoryModel history;
    private final RunController runs;
    private final TaskExecutor executor;

    /** The app's view-model: work on the background pool, results on the FX thread. */
    public TrainingViewModel() {
        this(TaskExecutor.javaFx());
    }

    public TrainingViewModel(TaskExecutor executor) {
        this.executor = executor;
        dataSet = new DataSetModel(executor);
        history = new RunHistoryModel(executor, RunCatalog.forDataDirectory(RunLocation.dataDirectory()));
        runs = new RunController(executor, history::refresh);
        analysis.set(NetworkAnalyzer.analyze(Network.empty("untitled")));
        for (ObservableValue<?> o : List.of(analysis, dataSet.dataProperty(), dataSet.loadingProperty(), dataSet.convertingProperty(),
                runs.stateProperty(), formError, dataSet.errorProperty())) {
            o.addListener((obs, a, b) -> updateBlocker());
        }
        updateBlocker();
        analysis.addListener((o, a, b) -> dataSet.networkShapeChanged(networkShape()));
        dataSet.dataProperty().addListener((o, a, b) -> runs.dismissMessage());
    }

    // ------------------------------------------------------------------ parts

    public DataSetModel dataSet() {
        return dataSet;
    }

    public RunController runController() {
        return runs;
    }

    public RunHistoryModel history() {
        return history;
    }

    // ------------------------------------------------------------------ properties

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return runs.stateProperty();
    }

    public RunState getState() {
        return runs.stateProperty().get();
    }

    public ReadOnlyObjectProperty<TrainingSnapshot> snapshotProperty() {
        return runs.snapshotProperty();
    }

    /** The device the engine reported for the current run ("" before the first run). */
    public ReadOnlyStringProperty deviceProperty() {
        return runs.deviceProperty();
    }

    private final ObjectProperty<DeviceOption> deviceOption =
            new javafx.beans.property.SimpleObjectProperty<>(this, "deviceOption", DeviceOption.CPU);

    /**
     * The device new runs ask for: the one value behind the Train page's Device box and File ▸ Settings (the
     * shell keeps it in the preferences).
     */
    public ObjectProperty<DeviceOption> deviceOptionProperty() {
        return deviceOption;
    }

    private final javafx.beans.property.BooleanProperty tensorBoard = new javafx.beans.property.SimpleBooleanProperty(false);

    /** True to also write TensorBoard event files into each new or continued run's {@code tensorboard} folder. */
    public javafx.beans.property.BooleanProperty tensorBoardProperty() {
        return tensorBoard;
    }

    /** The design to train: bind it to the Design workspace's analysis. */
    public ObjectProperty<Analysis> analysisProperty() {
        return analysis;
    }

    /** The design's document title (its file name, or its network's name while unsaved): runs are named after it. */
    public StringProperty designNameProperty() {
        return designName;
    }

    /** The Design workspace replaced its document (new, open, preset): the last run's dashboard goes. */
    public void designReplaced() {
        runs.clear();
        dataSet.clearConversionError();
    }

    public ReadOnlyObjectProperty<LoadedData> dataProperty() {
        return dataSet.dataProperty();
    }

    public ReadOnlyBooleanProperty dataLoadingProperty() {
        return dataSet.loadingProperty();
    }

    /** Why the last data set could not be loaded ("" when it loaded). */
    public ReadOnlyStringProperty dataErrorProperty() {
        return dataSet.errorProperty();
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
        return history.runs();
    }

    public RunCatalog catalog() {
        return history.catalog();
    }

    /** Where runs are kept (the shell sets it from its data folder). */
    public void setCatalog(RunCatalog catalog) {
        history.setCatalog(catalog);
    }

    /** Where runs come from (tests may wrap the engine run). */
    public ObjectProperty<Function<EngineRun.Request, TrainingRun>> runFactoryProperty() {
        return runs.runFactoryProperty();
    }

    /** The current (or last) run, or null. */
    public TrainingRun currentRun() {
        return runs.currentRun();
    }

    /** The current (or last) run as a property: set when a run is launched. */
    public ReadOnlyObjectProperty<TrainingRun> currentRunProperty() {
        return runs.currentRunProperty();
    }

    // ------------------------------------------------------------------ data

    /** Loads the default data set (the bundled sample) unless one is loaded or loading. */
    public void loadDefaultData() {
        if (!dataSet.loadRequested()) {
            loadData(DatasetSpec.mnistSample().toString());
        }
    }

    /** Loads a data set off the UI thread (not during a run). */
    public void loadData(String specText) {
        if (!getState().isActive()) {
            dataSet.load(specText, networkShape());
        }
    }

    /** Converts the loaded data to the network's input shape (off the UI thread). */
    public void adaptData() {
        dataSet.adapt(networkShape(), () -> getState().isActive());
    }

    /** Cancels a conversion in progress; the data set stays as loaded. */
    public void cancelAdapt() {
        dataSet.cancelConversion();
    }

    private ImageShape networkShape() {
        return TrainBlocker.networkShape(analysis.get()).orElse(null);
    }

    private void updateBlocker() {
        TrainBlocker b = TrainBlocker.evaluate(analysis.get(), dataSet.dataProperty().get(),
                dataSet.loadingProperty().get(), dataSet.convertingProperty().get(), formError.get(),
                dataSet.errorProperty().get(), ImageAdapter.conversionBudget());
        blocker.set(b.why());
        adaptOffer.set(b.offer());
        RunState s = getState();
        canStart.set(s == RunState.PAUSED || (!s.isActive() && b.why().isEmpty()));
    }

    // ------------------------------------------------------------------ runs

    /** Train: starts a new run on the current design and data, or resumes a paused one. */
    public void train() {
        if (getState() == RunState.PAUSED) {
            runs.resume();
            return;
        }
        if (!canStart.get()) {
            return;
        }
        LoadedData d = dataSet.dataProperty().get();
        Network net = RunCatalog.namedAfter(analysis.get().network(), designName.get());
        dataSet.clearError();
        Path folder = history.catalog().newRunFolder(net.name());
        runs.launch(new EngineRun.Request(net, config.get(), d.split(), d.samples(), folder, 0,
                net.name() + " on " + d.spec(), null, tensorBoard.get(), d.spec().toString()));
    }

    /**
     * Continues {@code info}'s run for {@code moreEpochs} epochs on the loaded data (which must fit the run's
     * network). Whether another process writes the folder is read off the UI thread; then, on the UI thread,
     * the run starts and {@code answer} gets "" — or it gets the sentence that says why it cannot.
     */
    public void continueRun(RunCatalog.RunInfo info, int moreEpochs, java.util.function.Consumer<String> answer) {
        String now = getState().isActive() ? "A run is in progress."
                : !info.resumable() ? "This run has no checkpoint to continue from." : "";
        if (!now.isEmpty()) {
            answer.accept(now);
            return;
        }
        executor.submit(() -> org.convstudio.engine.store.RunLock.owner(info.dir()), owner -> {
            String why = owner.isPresent()
                    ? "This run is in use by " + owner.get().describe() + ": wait for it to end, or stop it there."
                    : continueBlocker(info); // checked again: the state may have changed meanwhile
            if (why.isEmpty()) {
                LoadedData d = dataSet.dataProperty().get();
                runs.launch(new EngineRun.Request(info.network(), null, d.split(), d.samples(), info.dir(), moreEpochs,
                        info.name() + " (continued) on " + d.spec(), null, tensorBoard.get()));
            }
            answer.accept(why);
        }, error -> answer.accept("The run folder " + info.dir() + " cannot be read: " + error.getMessage()));
    }

    /** Why {@code info}'s run cannot be continued on the loaded data now ("" when it can). UI thread. */
    private String continueBlocker(RunCatalog.RunInfo info) {
        if (getState().isActive()) {
            return "A run is in progress.";
        }
        if (!info.resumable()) {
            return "This run has no checkpoint to continue from.";
        }
        LoadedData d = dataSet.dataProperty().get();
        if (d == null || dataSet.loadingProperty().get()) {
            return "Load a data set first.";
        }
        Analysis a = NetworkAnalyzer.analyze(info.network());
        ImageShape shape = TrainBlocker.networkShape(a).orElse(null);
        if (shape == null || !shape.equals(d.shape())) {
            return "The run's network takes " + shape + " images but the loaded data set has " + d.shape()
                    + " images.";
        }
        if (d.split().train().classCount() > a.outputShape().map(x -> x.channels()).orElse(0)) {
            return "The loaded data set has more classes than the run's network has outputs.";
        }
        return "";
    }

    /**
     * Shows a finished run's history in the dashboard (when no run is in progress), then — once read off the
     * UI thread — its last saved confusion matrix (and sample strip, when the loaded data set is the run's).
     */
    public void open(RunCatalog.RunInfo info) {
        if (!getState().isActive()) {
            TrainingSnapshot shown = RunHistoryModel.snapshotOf(info);
            runs.show(shown);
            history.readLastEpoch(info, dataSet.dataProperty().get(), result -> {
                if (!getState().isActive() && runs.snapshotProperty().get() == shown) {
                    runs.show(shown.withLastEpoch(result));
                }
            });
        }
    }

    /** Pause / resume toggle (the Space key). */
    public void togglePause() {
        runs.togglePause();
    }

    /** Whether a run is starting, training, paused or stopping. Call on the UI thread. */
    public boolean isRunActive() {
        return runs.isRunActive();
    }

    /**
     * Asks the active run to stop (on the UI thread) and returns a wait for its worker to finish (to
     * call off the UI thread): quitting must not cut a checkpoint in half.
     */
    public Callable<Boolean> stopForQuit(long millis) {
        return runs.stopForQuit(millis);
    }

    public void stop() {
        runs.stop();
    }

    /**
     * Renames run {@code info} in the runs list (a display name kept in its folder; blank: its network's
     * name again); the list is re-read afterwards. {@code onError} gets a sentence when it cannot be saved.
     */
    public void renameRun(RunCatalog.RunInfo info, String name, java.util.function.Consumer<String> onError) {
        history.rename(info, name, onError);
    }

    /** Re-reads the runs folder off the UI thread. */
    public void refreshRuns() {
        history.refresh();
    }
}
