package org.convstudio.ui.training;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.convstudio.analysis.metrics.ConfusionMatrix;
import org.convstudio.engine.explain.Explain;
import org.convstudio.engine.run.RunName;
import org.convstudio.engine.run.RunReader;
import org.convstudio.engine.train.EpochPredictions;
import org.convstudio.ui.common.AppendOnlySeries;
import org.convstudio.ui.common.TaskExecutor;

/**
 * The runs folder as the Train workspace lists it: re-read off the UI thread, and a finished run's
 * curves and last saved confusion matrix as a dashboard snapshot (Open).
 */
public final class RunHistoryModel {

    private final TaskExecutor executor;
    private final ObservableList<RunCatalog.RunInfo> runs = FXCollections.observableArrayList();
    private RunCatalog catalog;

    public RunHistoryModel(TaskExecutor executor, RunCatalog catalog) {
        this.executor = executor;
        this.catalog = catalog;
    }

    public ObservableList<RunCatalog.RunInfo> runs() {
        return runs;
    }

    public RunCatalog catalog() {
        return catalog;
    }

    public void setCatalog(RunCatalog catalog) {
        this.catalog = catalog;
        refresh();
    }

    /** Re-reads the runs folder off the UI thread. */
    public void refresh() {
        RunCatalog c = catalog;
        executor.submit(c::list, list -> {
            if (c == catalog) {
                runs.setAll(list);
            }
        }, error -> { });
    }

    /**
     * Gives run {@code info} the display name {@code name} (blank: its network's name again) off the UI
     * thread ({@link RunName}), then re-reads the list; {@code onError} gets a sentence when it cannot.
     */
    public void rename(RunCatalog.RunInfo info, String name, Consumer<String> onError) {
        executor.submit(() -> RunName.write(info.dir(), name), kept -> refresh(),
                e -> onError.accept(Explain.sentence("The run could not be renamed", e)));
    }

    /**
     * Reads the last saved epoch's validation predictions of run {@code info} off the UI thread and hands
     * their outcome to {@code onResult} on the UI thread; nothing happens when the run kept none (older runs,
     * runs without a validation set) or its file is damaged (the curves stay shown).
     *
     * @param data the data set loaded now (may be null): when its validation images are the run's, the sample
     *             strip shows them with the saved predictions
     */
    public void readLastEpoch(RunCatalog.RunInfo info, LoadedData data, Consumer<TrainingSnapshot.EpochResult> onResult) {
        executor.submit(() -> RunReader.predictions(info.dir()).map(p -> epochResultOf(p, data)).orElse(null),
                result -> {
                    if (result != null) {
                        onResult.accept(result);
                    }
                }, error -> { });
    }

    /**
     * The dashboard's view of saved predictions: the confusion matrix, and the sample strip when
     * {@code data}'s validation set is the one the predictions were made on (same size and labels).
     */
    static TrainingSnapshot.EpochResult epochResultOf(EpochPredictions p, LoadedData data) {
        ConfusionMatrix matrix = ConfusionMatrix.of(p.labels(), p.predicted(), p.classes());
        List<String> names = p.classNames().size() == p.classes() ? p.classNames()
                : IntStream.range(0, p.classes()).mapToObj(Integer::toString).toList();
        boolean sameImages = data != null && data.samples() != null
                && Arrays.equals(data.split().test().labels(), p.labels());
        Samples samples = sameImages ? data.samples() : Samples.NONE;
        return new TrainingSnapshot.EpochResult(p.epoch(), matrix, names, samples, samples.select(p.predicted()));
    }

    /** The dashboard snapshot of a finished run's history. */
    static TrainingSnapshot snapshotOf(RunCatalog.RunInfo info) {
        AppendOnlySeries tl = new AppendOnlySeries();
        AppendOnlySeries ta = new AppendOnlySeries();
        AppendOnlySeries vl = new AppendOnlySeries();
        AppendOnlySeries va = new AppendOnlySeries();
        for (var r : info.history()) {
            append(tl, r.epoch(), r.trainLoss());
            append(ta, r.epoch(), r.trainAccuracy());
            append(vl, r.epoch(), r.validationLoss());
            append(va, r.epoch(), r.validationAccuracy());
        }
        int epochs = info.epochs();
        var last = info.history().isEmpty() ? null : info.history().get(epochs - 1);
        return new TrainingSnapshot(RunState.IDLE, epochs, epochs, 0, 0, 0,
                last == null ? Double.NaN : last.imagesPerSecond(), last == null ? Double.NaN : last.learningRate(),
                Double.NaN, tl.snapshot(), vl.snapshot(), ta.snapshot(), va.snapshot(), null, "", "",
                "Run " + info.id());
    }

    private static void append(AppendOnlySeries s, double x, double y) {
        if (Double.isFinite(y)) {
            s.append(x, y);
        }
    }
}
